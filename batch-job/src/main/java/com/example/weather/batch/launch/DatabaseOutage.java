package com.example.weather.batch.launch;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that running again can cure (the database dropped a connection, restarted, failed over, refused
 * connections for a while, or the run lost its lock with its connection) from one it cannot (bad input, a bug, a
 * constraint violated). Judged on the SQL state of any {@link SQLException} in the cause chain, not on Spring's
 * wrapping of it: {@code ObservationUpsert} wraps every write error in the same exception type.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	/** Whether {@code failure}, or anything that caused it, says the database was out of reach. */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof OptimisticLockingFailureException) {
				// another process wrote the same execution: not the database's doing, and not cured by waiting
				return false;
			}
			if (cause instanceof RunLockLostException || cause instanceof SQLTransientException
					|| cause instanceof SQLRecoverableException || cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof CannotCreateTransactionException
					// a commit or rollback that could not reach the server (the pool says "Connection is closed")
					|| cause instanceof TransactionSystemException
					|| cause instanceof TransientDataAccessException
					|| cause instanceof RecoverableDataAccessException) {
				return true;
			}
			if (cause instanceof SQLException sql && isOutage(sql)) {
				return true;
			}
		}
		return false;
	}

	// 08: connection exception; 57P01-57P03: the server terminated the session, crashed or is starting;
	// 53300: too many connections; 55000 with this message: the database refuses connections for now
	private static boolean isOutage(SQLException sql) {
		String state = sql.getSQLState();
		return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
				|| (state.equals("55000") && String.valueOf(sql.getMessage()).contains("accepting connections")));
	}

}
