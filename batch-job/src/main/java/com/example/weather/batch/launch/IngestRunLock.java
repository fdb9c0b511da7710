package com.example.weather.batch.launch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * An embedded H2 database needs no lock: its file can only be opened by one process at a time.
 */
public class IngestRunLock {

	/** "weather1" in ASCII: one key for every ingest run against this database. */
	static final long KEY = 0x7765617468657231L;

	private final DataSource dataSource;

	public IngestRunLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The held lock, or empty with {@code holder} describing who has it. */
	public Optional<Held> tryAcquire(StringBuilder holder) {
		try {
			Connection connection = this.dataSource.getConnection();
			if (!connection.isWrapperFor(PGConnection.class)) {
				connection.close();
				return Optional.of(new Held(null));
			}
			connection.setAutoCommit(true);
			if (queryBoolean(connection, "SELECT pg_try_advisory_lock(?)")) {
				return Optional.of(new Held(connection));
			}
			holder.append(describeHolder(connection));
			connection.close();
			return Optional.empty();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not take the ingest run lock", ex);
		}
	}

	private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, KEY);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static String describeHolder(Connection connection) throws SQLException {
		// a bigint advisory key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits)
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT a.pid, a.client_addr, a.backend_start
				FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
				  AND l.classid = ? AND l.objid = ?""")) {
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

		private final Connection connection;

		private Held(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void close() {
			if (this.connection == null) {
				return;
			}
			try (Connection connection = this.connection) {
				queryBoolean(connection, "SELECT pg_advisory_unlock(?)");
			}
			catch (SQLException ex) {
				// closing the session releases the lock anyway
			}
		}

	}

}
