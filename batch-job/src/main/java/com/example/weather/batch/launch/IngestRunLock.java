package com.example.weather.batch.launch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Makes sure one ingest run at a time writes to a database, and tells a live run from a dead one without
 * guessing from timestamps. On PostgreSQL the run holds a session-level advisory lock on its own connection for
 * its whole life; the server releases it the moment that process dies, however it dies. So whoever gets the lock
 * knows that any execution the job repository still shows as running is dead.
 * <p>
 * A lock can also be lost while its process lives on (its connection killed, a network cut). {@link RunLockFence}
 * makes that safe: every chunk checks, in its own transaction, that the lock is still held by the session that took
 * it, identified by a {@link Held#token() token}, and holds the fence key shared until it commits. A run that gets
 * the lock first takes the fence key exclusively for a moment, which waits for the chunks a previous holder still
 * has in flight; from then on the previous holder's chunks see that the lock is not theirs and fail.
 * <p>
 * An embedded H2 database needs no lock: its file can only be opened by one process at a time.
 */
public class IngestRunLock {

	/** "weather1" in ASCII: one key for every ingest run against this database. */
	static final long KEY = 0x7765617468657231L;

	/** "weather2": held shared by each chunk transaction, exclusively for a moment by a run taking over. */
	static final long FENCE_KEY = 0x7765617468657232L;

	private final DataSource dataSource;

	private volatile Held held;

	public IngestRunLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The held lock, or empty with {@code holder} describing who has it. */
	public Optional<Held> tryAcquire(StringBuilder holder) {
		try {
			Connection connection = this.dataSource.getConnection();
			try {
				if (!connection.isWrapperFor(PGConnection.class)) {
					connection.close();
					return Optional.of(hold(new Held(this, null, null)));
				}
				connection.setAutoCommit(true);
				if (!queryBoolean(connection, LaunchSql.TRY_LOCK, KEY)) {
					holder.append(describeHolder(connection));
					connection.close();
					return Optional.empty();
				}
				// waits for the chunks that a previous holder, cut off from its lock, still has in flight
				queryBoolean(connection, LaunchSql.WAIT_FOR_LOCK, FENCE_KEY);
				queryBoolean(connection, LaunchSql.UNLOCK, FENCE_KEY);
				return Optional.of(hold(new Held(this, connection, token(connection))));
			}
			catch (SQLException | RuntimeException ex) {
				connection.close();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not take the ingest run lock", ex);
		}
	}

	/** The lock this process holds now, or null. */
	public Held held() {
		return this.held;
	}

	private Held hold(Held lock) {
		this.held = lock;
		return lock;
	}

	private static boolean queryBoolean(Connection connection, String sql, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static String token(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(LaunchSql.OWN_TOKEN)) {
			result.next();
			return result.getString(1);
		}
	}

	private static String describeHolder(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(LaunchSql.DESCRIBE_HOLDER)) {
			statement.setLong(1, KEY >>> 32);
			statement.setLong(2, KEY & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? "database session pid %d from %s, connected since %s"
					.formatted(result.getInt(1), result.getString(2), result.getTimestamp(3)) : "another session";
			}
		}
	}

	/** The lock, held until closed or until this process dies. */
	public static final class Held implements AutoCloseable {

		private final IngestRunLock lock;

		private final Connection connection;

		private final String token;

		private Held(IngestRunLock lock, Connection connection, String token) {
			this.lock = lock;
			this.connection = connection;
			this.token = token;
		}

		/**
		 * The session holding the lock, as {@code pid@backend-start-epoch}: what {@link RunLockFence} checks; null
		 * where no lock is needed (H2).
		 */
		public String token() {
			return this.token;
		}

		@Override
		public void close() {
			if (this.lock.held == this) {
				this.lock.held = null;
			}
			if (this.connection == null) {
				return;
			}
			try (Connection connection = this.connection) {
				queryBoolean(connection, LaunchSql.UNLOCK, KEY);
			}
			catch (SQLException ex) {
				// closing the session releases the lock anyway
			}
		}

	}

}
