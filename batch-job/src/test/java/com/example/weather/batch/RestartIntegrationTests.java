package com.example.weather.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.weather.batch.launch.IngestExitCode;
import com.example.weather.batch.support.Blocker;
import com.example.weather.batch.support.JobProcess;
import com.example.weather.batch.support.SyntheticStationFiles;
import com.example.weather.batch.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that does not finish (an error, SIGKILL, SIGTERM) is finished by running the same {@code run.date}
 * again, and every row ends up there exactly once; a second run while one is live is refused.
 * <p>
 * Two stations of 300 days, chunks of 100 lines. The run is held, or failed, at the 250th day of the second
 * station by a trigger in the database, so the first station has completed and the second has committed two
 * chunks when the trouble starts.
 */
class RestartIntegrationTests extends IngestJobTestSupport {

	private static final String RUN_DATE = "2026-11-24";

	// IngestRunLock's keys, "weather1" and "weather2": pg_locks shows a bigint key as classid and objid
	private static final long RUN_LOCK_KEY = 0x7765617468657231L;

	private static final long FENCE_KEY = 0x7765617468657232L;

	private static final Path WORK = Path.of("target", "job-processes").toAbsolutePath();

	private final List<JobProcess> processes = new ArrayList<>();

	private Connection control;

	private Blocker blocker;

	@BeforeEach
	void writeTwoStations() throws IOException, SQLException {
		SyntheticStationFiles files = new SyntheticStationFiles(7);
		for (int station = 1; station <= 2; station++) {
			files.writeStation(INPUT.resolve(SyntheticStationFiles.stationId(station) + ".txt"), station, 2001, 2001,
					false);
		}
		this.control = DriverManager.getConnection(DATABASE_URL, TestPostgres.USER, TestPostgres.PASSWORD);
		this.blocker = new Blocker(this.control);
	}

	@AfterEach
	void stopProcessesAndRemoveBlocker() throws Exception {
		for (JobProcess process : this.processes) {
			process.kill();
		}
		this.blocker.remove();
		TestPostgres.terminateJobProcessSessions(this.control);
		this.control.close();
	}

	@Test
	void givenAFailurePartWay_whenTheSameNightRunsAgain_thenItResumesTheFailedFileAndLoadsEveryRowOnce()
			throws SQLException {
		this.blocker.failAt(station(2), "2001-09-07");

		assertThat(run(RUN_DATE)).isEqualTo(IngestExitCode.NOT_COMPLETED);
		assertThat(lastExecution(RUN_DATE).getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(rowsOf(1)).isEqualTo(365);
		assertThat(rowsOf(2)).as("the chunks committed before the failure").isEqualTo(200);

		this.blocker.remove();
		assertThat(run(RUN_DATE)).isEqualTo(IngestExitCode.COMPLETED);

		assertEveryRowLoadedOnce();
		JobExecution rerun = lastExecution(RUN_DATE);
		assertThat(fileSteps(rerun)).as("only the failed file is read again")
			.extracting(StepExecution::getStepName)
			.containsExactly("ingestFile:" + station(2) + ".txt");
		assertThat(fileSteps(rerun).get(0).getReadCount()).as("from the line after the last commit").isEqualTo(165);
		assertThat(count("SELECT count(*) FROM weather_yearly_stats")).as("stats of both stations").isEqualTo(2);
	}

	@Test
	void givenAFailedNightNeverRerun_whenTheNextNightFindsItsRowsUnchanged_thenTheirStatisticsAreStillComputed()
			throws Exception {
		assertThat(run("2026-11-23")).isEqualTo(IngestExitCode.COMPLETED);
		// a year more of a station already loaded: merged, and its statistics left to the statistics step
		new SyntheticStationFiles(7).writeStation(INPUT.resolve(station(2) + ".txt"), 2, 2001, 2002, false);
		// January and February of 2002 are committed before the failure, and their statistics never computed
		this.blocker.failAt(station(2), "2002-03-01");
		assertThat(run(RUN_DATE)).isEqualTo(IngestExitCode.NOT_COMPLETED);
		this.blocker.remove();
		assertThat(count("SELECT count(*) FROM weather_observation WHERE station_id = ? "
				+ "AND observation_date >= DATE '2002-01-01'", station(2))).isPositive();

		assertThat(run("2026-11-25")).isEqualTo(IngestExitCode.COMPLETED);

		assertThat(this.jdbc.queryForList("SELECT year, max_temp_days FROM weather_yearly_stats WHERE station_id = ? "
				+ "ORDER BY year", station(2)))
			.extracting((row) -> row.get("year") + ": " + row.get("max_temp_days"))
			.containsExactly("2001: " + count("SELECT count(max_temp) FROM weather_observation WHERE station_id = ? "
					+ "AND observation_date < DATE '2002-01-01'", station(2)),
					"2002: " + count("SELECT count(max_temp) FROM weather_observation WHERE station_id = ? "
							+ "AND observation_date >= DATE '2002-01-01'", station(2)));
		assertThat(count("SELECT count(*) FROM ingest_touched_year")).as("nothing left out of date").isZero();
	}

	@Test
	void givenAJobKilledWithSigkill_whenTheSameNightRunsAgain_thenTheDeadExecutionIsRecoveredAndTheRunCompletes()
			throws Exception {
		this.blocker.holdAt(station(2), "2001-09-07");
		JobProcess job = startJob();
		this.blocker.awaitHeld(Duration.ofSeconds(60));
		awaitFileCompleted(station(1));

		job.kill();
		// what the server does on its own once it notices the client is gone
		TestPostgres.terminateJobProcessSessions(this.control);
		this.blocker.remove();
		assertThat(lastExecution(RUN_DATE).getStatus()).as("the repository still believes it runs")
			.isEqualTo(BatchStatus.STARTED);

		assertThat(run(RUN_DATE)).isEqualTo(IngestExitCode.COMPLETED);

		assertEveryRowLoadedOnce();
		assertThat(executionStatuses()).containsExactly("FAILED", "COMPLETED");
	}

	@Test
	void givenSigterm_whenTheJobIsMidFile_thenItStopsAtAChunkBoundaryAndTheRerunResumesIt() throws Exception {
		this.blocker.holdAt(station(2), "2001-09-07");
		JobProcess job = startJob();
		this.blocker.awaitHeld(Duration.ofSeconds(60));
		awaitFileCompleted(station(1));

		job.terminate();
		// JobOperator.stop records the execution as STOPPED at once; the held chunk is still running
		awaitStatus("STOPPED");
		this.blocker.release();

		// the JVM's own exit code for SIGTERM, 128 + 15, once the job has recorded that it stopped
		assertThat(job.waitFor(Duration.ofSeconds(60))).as("exit code after SIGTERM").isEqualTo(143);
		assertThat(job.log()).contains("stopped at a chunk boundary");
		assertThat(this.jdbc.queryForList("SELECT status FROM batch_step_execution WHERE step_name = ?", String.class,
				"ingestFile:" + station(2) + ".txt"))
			.containsExactly("STOPPED");
		assertThat(executionStatuses()).containsExactly("STOPPED");
		assertThat(rowsOf(2)).as("stopped after the held chunk committed").isEqualTo(300);

		this.blocker.remove();
		assertThat(run(RUN_DATE)).isEqualTo(IngestExitCode.COMPLETED);

		assertEveryRowLoadedOnce();
		assertThat(executionStatuses()).containsExactly("STOPPED", "COMPLETED");
	}

	@Test
	void givenARunInProgress_whenASecondRunStarts_thenItExitsNonZeroAndTouchesNothing() throws Exception {
		this.blocker.holdAt(station(2), "2001-09-07");
		JobProcess first = startJob();
		this.blocker.awaitHeld(Duration.ofSeconds(60));
		long executions = count("SELECT count(*) FROM batch_job_execution");

		JobProcess second = startJob("run.date=2026-11-25");
		assertThat(second.waitFor(Duration.ofSeconds(60))).isEqualTo(IngestExitCode.ALREADY_RUNNING.code());
		assertThat(second.log()).contains("Another weatherIngestJob run is in progress (database session pid");
		assertThat(count("SELECT count(*) FROM batch_job_execution")).isEqualTo(executions);
		assertThat(executionStatuses()).containsExactly("STARTED");

		this.blocker.release();
		assertThat(first.waitFor(Duration.ofSeconds(60))).isZero();
		assertEveryRowLoadedOnce();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "early (the first chunk of the first file), 1, 2001-01-01",
			"mid-load (the third chunk of the second file), 2, 2001-09-07" })
	void givenTheDatabaseEndsEveryJobSession_whenMidLoad_thenTheRunGoesOnFromItsLastCommitAndCompletes(String point,
			int station, String date) throws Exception {
		this.blocker.holdAt(station(station), date);
		JobProcess job = startJob();
		this.blocker.awaitHeld(Duration.ofSeconds(60));

		// the chunks' connections, the job repository's and the run lock's: what a database restart does
		TestPostgres.terminateJobProcessSessions(this.control);
		this.blocker.remove();

		assertThat(job.waitFor(Duration.ofSeconds(90))).as(job.log()).isZero();
		assertThat(job.log()).contains("failed on a database outage");
		assertEveryRowLoadedOnce();
		assertThat(executionStatuses()).containsExactly("FAILED", "COMPLETED");
		assertThat(count("SELECT count(*) FROM weather_yearly_stats")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM ingest_touched_year")).as("nothing left out of date").isZero();
	}

	@Test
	void givenTheDatabaseEndsEveryJobSession_whenTheStatisticsAreRefreshed_thenTheRunRefreshesThemAgainAndCompletes()
			throws Exception {
		assertThat(run("2026-11-23")).isEqualTo(IngestExitCode.COMPLETED);
		// other values for the same days: merged, and the station's year refreshed by the statistics step
		new SyntheticStationFiles(8).writeStation(INPUT.resolve(station(1) + ".txt"), 1, 2001, 2001, false);
		this.blocker.holdStatsOf(station(1));
		JobProcess job = startJob();
		this.blocker.awaitHeld(Duration.ofSeconds(60));

		TestPostgres.terminateJobProcessSessions(this.control);
		this.blocker.remove();

		assertThat(job.waitFor(Duration.ofSeconds(90))).as(job.log()).isZero();
		assertEveryRowLoadedOnce();
		assertThat(executionStatuses()).containsExactly("COMPLETED", "FAILED", "COMPLETED");
		assertThat(this.jdbc.queryForList("SELECT station_id || ' ' || year || ' ' || observation_days "
				+ "FROM weather_yearly_stats ORDER BY 1", String.class))
			.containsExactly(station(1) + " 2001 365", station(2) + " 2001 365");
		assertThat(this.jdbc.queryForObject("SELECT avg_max_temp_c FROM weather_yearly_stats WHERE station_id = ?",
				BigDecimal.class, station(1)))
			.as("the new values'")
			.isEqualByComparingTo(this.jdbc.queryForObject("SELECT ROUND(AVG(max_temp) / 10, 2) "
					+ "FROM weather_observation WHERE station_id = ?", BigDecimal.class, station(1)));
		assertThat(count("SELECT count(*) FROM ingest_touched_year")).as("nothing left out of date").isZero();
	}

	@Test
	void givenARunWhoseLockConnectionIsKilled_whenAnotherRunTakesOver_thenTheFirstStopsAtItsNextChunkBeforeTheOtherWrites()
			throws Exception {
		this.blocker.holdAt(station(2), "2001-09-07");
		JobProcess first = startJob();
		this.blocker.awaitHeld(Duration.ofSeconds(60));
		awaitFileCompleted(station(1));

		// only the run lock's session, and once it has ended: the first run lives on, mid-chunk
		this.jdbc.queryForList("SELECT pg_terminate_backend(pid, 30000) FROM pg_locks WHERE locktype = 'advisory' "
				+ "AND granted AND classid = " + (RUN_LOCK_KEY >>> 32) + " AND objid = " + (RUN_LOCK_KEY & 0xFFFFFFFFL));
		JobProcess second = startJob();
		// the second run has the lock, and waits for the first's chunk in flight before it touches anything
		awaitTrue(() -> count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = "
				+ (FENCE_KEY >>> 32) + " AND objid = " + (FENCE_KEY & 0xFFFFFFFFL)) == 1, "second run at the fence");
		assertThat(executionStatuses()).containsExactly("STARTED");
		this.blocker.release();

		assertThat(second.waitFor(Duration.ofSeconds(60))).as(second.log()).isZero();
		// once it has failed, the first finds the lock taken, or the night completed by the other run
		assertThat(first.waitFor(Duration.ofSeconds(60))).as(first.log())
			.isIn(IngestExitCode.NOT_COMPLETED.code(), IngestExitCode.COMPLETED.code());
		assertThat(first.log()).contains("This run lost its run lock");
		assertEveryRowLoadedOnce();
		long firstExecution = this.jdbc.queryForObject("SELECT min(job_execution_id) FROM batch_job_execution",
				Long.class);
		assertThat(count("SELECT count(*) FROM weather_observation WHERE station_id = ? AND job_execution_id = ?",
				station(2), firstExecution))
			.as("the first run wrote up to the chunk in flight, nothing after")
			.isEqualTo(300);
		assertThat(executionStatuses()).containsExactly("FAILED", "COMPLETED");
	}

	private JobProcess startJob(String... arguments) {
		Map<String, String> environment = new HashMap<>(JobProcess.postgres(DATABASE_URL));
		environment.put("INGEST_INPUT", "file:" + INPUT + "/");
		environment.put("INGEST_CHUNK_SIZE", "100");
		environment.put("INGEST_STOP_TIMEOUT", "30s");
		JobProcess process = JobProcess.start(WORK, environment,
				(arguments.length > 0) ? arguments : new String[] { "run.date=" + RUN_DATE });
		this.processes.add(process);
		return process;
	}

	private void assertEveryRowLoadedOnce() {
		assertThat(rowsOf(1)).isEqualTo(365);
		assertThat(rowsOf(2)).isEqualTo(365);
		assertThat(count("SELECT count(DISTINCT observation_date) FROM weather_observation WHERE station_id = ?",
				station(2)))
			.isEqualTo(365);
		assertThat(count("SELECT count(*) FROM weather_station WHERE observation_count = 365")).isEqualTo(2);
	}

	private long rowsOf(int station) {
		return count("SELECT count(*) FROM weather_observation WHERE station_id = ?", station(station));
	}

	private List<String> executionStatuses() {
		return this.jdbc.queryForList("SELECT status FROM batch_job_execution ORDER BY job_execution_id",
				String.class);
	}

	private List<StepExecution> fileSteps(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().startsWith("ingestFile:"))
			.toList();
	}

	private void awaitFileCompleted(String stationId) throws InterruptedException {
		awaitTrue(() -> count("SELECT count(*) FROM batch_step_execution WHERE step_name = ? AND status = 'COMPLETED'",
				"ingestFile:" + stationId + ".txt") == 1, "file of " + stationId + " completed");
	}

	private void awaitStatus(String status) throws InterruptedException {
		awaitTrue(() -> count("SELECT count(*) FROM batch_job_execution WHERE status = ?", status) == 1,
				"execution " + status);
	}

	private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for: " + what);
			}
			Thread.sleep(50);
		}
	}

	private static String station(int number) {
		return SyntheticStationFiles.stationId(number);
	}

}
