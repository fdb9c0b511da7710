package com.example.weather.batch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.example.weather.batch.launch.IngestExitCode;
import com.example.weather.batch.support.Blocker;
import com.example.weather.batch.support.JobProcess;
import com.example.weather.batch.support.SyntheticStationFiles;
import com.example.weather.batch.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outages that a database of the test's own can be put through without touching the others on the server: it
 * refuses every connection for longer than the job waits ({@code ALLOW_CONNECTIONS false}), and it is migrating when
 * the job is killed. Each test starts from a new database.
 */
class DatabaseOutageIntegrationTests {

	private static final String DATABASE = "weather_outage_test";

	private static final String RUN_DATE = "2026-11-24";

	private static final Path WORK = Path.of("target", "job-processes").toAbsolutePath();

	@TempDir
	Path input;

	private JobProcess job;

	@AfterEach
	void allowConnectionsAndKill() throws Exception {
		if (this.job != null) {
			this.job.kill();
		}
		serverAdmin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
	}

	@Test
	void givenTheDatabaseRefusesConnectionsLongerThanTheJobWaits_whenMidLoad_thenTheRunFailsAndTheRerunCompletes()
			throws Exception {
		String url = TestPostgres.newDatabase(DATABASE);
		assertThat(startJob(url, Map.of("INGEST_RUN_ON_STARTUP", "false")).waitFor(Duration.ofSeconds(90)))
			.as("migrated")
			.isZero();
		writeTwoStations();
		try (Connection control = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
			Blocker blocker = new Blocker(control);
			blocker.holdAt(SyntheticStationFiles.stationId(2), "2001-09-07");
			// (as an argument: SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT would also bind as hikari.connection.timeout,
			// calling the pool's getConnection() to bind into)
			this.job = startJob(url, Map.of("INGEST_DATABASE_OUTAGE_TIMEOUT", "5s"), "run.date=" + RUN_DATE,
					"--spring.datasource.hikari.connection-timeout=1000");
			blocker.awaitHeld(Duration.ofSeconds(60));

			serverAdmin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
			TestPostgres.terminateJobProcessSessions(control);
			assertThat(this.job.waitFor(Duration.ofSeconds(90))).as(this.job.log())
				.isEqualTo(IngestExitCode.NOT_COMPLETED.code());
			assertThat(this.job.log()).contains("gave up after").contains("rerun the same run.date");
			serverAdmin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
			blocker.remove();
		}

		this.job = startJob(url, Map.of(), "run.date=" + RUN_DATE);
		assertThat(this.job.waitFor(Duration.ofSeconds(90))).as(this.job.log()).isZero();

		try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
			assertThat(query(connection, "SELECT count(*) || ' ' || count(DISTINCT (station_id, observation_date)) "
					+ "FROM weather_observation")).isEqualTo("730 730");
			assertThat(query(connection, "SELECT string_agg(station_id || ':' || observation_count, ' ' ORDER BY "
					+ "station_id) FROM weather_station"))
				.isEqualTo("SYN00000001:365 SYN00000002:365");
			assertThat(query(connection, "SELECT count(*) FROM ingest_touched_year")).isEqualTo("0");
			assertThat(query(connection, "SELECT string_agg(status, ' ' ORDER BY job_execution_id) "
					+ "FROM batch_job_execution WHERE job_execution_id > 1"))
				.endsWith("COMPLETED");
		}
	}

	@Test
	void givenAJobKilledWhileItMigrates_whenItRunsAgain_thenTheMigrationLockIsFreeAndTheNightCompletes()
			throws Exception {
		String url = TestPostgres.newDatabase(DATABASE);
		writeTwoStations();
		try (Connection control = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD);
				Statement statement = control.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(4243)");
			this.job = startJob(url, Map.of("SPRING_LIQUIBASE_CHANGE_LOG", "classpath:db/changelog-held-migration.yaml"),
					"run.date=" + RUN_DATE);
			awaitWaitingOnLock(control, 4243);

			this.job.kill();
			TestPostgres.terminateJobProcessSessions(control);
		}

		this.job = startJob(url, Map.of(), "run.date=" + RUN_DATE);
		// a lock left behind would make it wait 5 minutes for the changelog lock, then fail
		assertThat(this.job.waitFor(Duration.ofSeconds(120))).as(this.job.log()).isZero();
		assertThat(this.job.log()).doesNotContain("Waiting for changelog lock");
		try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
			assertThat(query(connection, "SELECT count(*) FROM weather_observation")).isEqualTo("730");
		}
	}

	private void writeTwoStations() throws Exception {
		SyntheticStationFiles files = new SyntheticStationFiles(7);
		for (int station = 1; station <= 2; station++) {
			files.writeStation(this.input.resolve(SyntheticStationFiles.stationId(station) + ".txt"), station, 2001,
					2001, false);
		}
	}

	private JobProcess startJob(String url, Map<String, String> settings, String... arguments) {
		Map<String, String> environment = new HashMap<>(JobProcess.postgres(url));
		environment.put("INGEST_INPUT", "file:" + this.input + "/");
		environment.put("INGEST_CHUNK_SIZE", "100");
		environment.putAll(settings);
		return JobProcess.start(WORK, environment, arguments);
	}

	private static void serverAdmin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(TestPostgres.SERVER + "postgres", TestPostgres.USER,
				TestPostgres.PASSWORD); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static void awaitWaitingOnLock(Connection connection, long key) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (!query(connection, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
				+ "AND objid = " + key).equals("1")) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No migration reached the held changeset");
			}
			Thread.sleep(100);
		}
	}

}
