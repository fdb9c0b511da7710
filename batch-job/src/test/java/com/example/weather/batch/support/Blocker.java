package com.example.weather.batch.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Holds a running job at a known row, in the database, without changing the job: a trigger on
 * {@code weather_observation} makes the insert of one chosen row wait for an advisory lock that the test holds.
 * The job is then mid-file, with earlier chunks committed, for as long as the test wants. Another trigger variant
 * makes that insert fail instead, to inject a failure part-way.
 */
public final class Blocker {

	private static final long LOCK = 4242;

	private final Connection connection;

	public Blocker(Connection connection) {
		this.connection = connection;
	}

	/** Makes the insert of ({@code stationId}, {@code date}) wait until {@link #release()}. */
	public void holdAt(String stationId, String date) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
		}
		install(stationId, date, "PERFORM pg_advisory_xact_lock(" + LOCK + ");");
	}

	/**
	 * Makes the statistics step wait, before it writes the yearly statistics of {@code stationId}, until
	 * {@link #release()}.
	 */
	public void holdStatsOf(String stationId) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
			statement.execute("""
					CREATE OR REPLACE FUNCTION test_stats_blocker() RETURNS trigger AS $$
					BEGIN
					  IF NEW.station_id = '%s' THEN
					    PERFORM pg_advisory_xact_lock(%d);
					  END IF;
					  RETURN NEW;
					END $$ LANGUAGE plpgsql""".formatted(stationId, LOCK));
			statement.execute("DROP TRIGGER IF EXISTS test_blocker ON weather_yearly_stats");
			statement.execute("CREATE TRIGGER test_blocker BEFORE INSERT OR UPDATE ON weather_yearly_stats "
					+ "FOR EACH ROW EXECUTE FUNCTION test_stats_blocker()");
		}
	}

	/** Makes the insert of ({@code stationId}, {@code date}) fail, as a database error would. */
	public void failAt(String stationId, String date) throws SQLException {
		install(stationId, date, "RAISE EXCEPTION 'injected failure at % %', NEW.station_id, NEW.observation_date;");
	}

	/**
	 * Waits until a job session is blocked on the trigger: in this database, as advisory locks are per database
	 * and {@code pg_locks} shows the whole server's, where other tests' databases use the same lock.
	 */
	public void awaitHeld(Duration timeout) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try (Statement statement = this.connection.createStatement();
					ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = "
							+ "'advisory' AND NOT granted AND objid = " + LOCK + " AND database = "
							+ "(SELECT oid FROM pg_database WHERE datname = current_database())")) {
				waiting.next();
				if (waiting.getInt(1) > 0) {
					return;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No job session reached the blocked row within " + timeout);
	}

	public void release() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("SELECT pg_advisory_unlock_all()");
		}
	}

	/** Releases whatever waits, then drops the trigger (which needs the waiting inserts to have finished). */
	public void remove() throws SQLException {
		release();
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("SET lock_timeout = '30s'");
			statement.execute("DROP TRIGGER IF EXISTS test_blocker ON weather_observation");
			statement.execute("DROP TRIGGER IF EXISTS test_blocker ON weather_yearly_stats");
		}
	}

	private void install(String stationId, String date, String action) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("""
					CREATE OR REPLACE FUNCTION test_blocker() RETURNS trigger AS $$
					BEGIN
					  IF NEW.station_id = '%s' AND NEW.observation_date = DATE '%s' THEN
					    %s
					  END IF;
					  RETURN NEW;
					END $$ LANGUAGE plpgsql""".formatted(stationId, date, action));
			statement.execute("DROP TRIGGER IF EXISTS test_blocker ON weather_observation");
			statement.execute("CREATE TRIGGER test_blocker BEFORE INSERT ON weather_observation "
					+ "FOR EACH ROW EXECUTE FUNCTION test_blocker()");
		}
	}

}
