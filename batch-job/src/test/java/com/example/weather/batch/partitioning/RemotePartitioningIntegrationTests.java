package com.example.weather.batch.partitioning;

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
import java.util.function.BooleanSupplier;

import com.example.weather.batch.IngestJobTestSupport;
import com.example.weather.batch.launch.IngestExitCode;
import com.example.weather.batch.support.Blocker;
import com.example.weather.batch.support.JobProcess;
import com.example.weather.batch.support.SyntheticStationFiles;
import com.example.weather.batch.support.TestPostgres;
import com.example.weather.batch.support.TestRabbit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.integration.partition.StepExecutionRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote partitioning across processes: a manager ({@code ingest.partitioning=remote}) and worker JVMs
 * ({@code ingest.worker=true}) on the test's own queue of the machine's RabbitMQ ({@link TestRabbit}) and the
 * test's PostgreSQL database. Three generated stations of two years, chunks of 100 lines; a {@link Blocker}
 * holds a worker in the middle of the second station's file when a test needs it to be.
 */
class RemotePartitioningIntegrationTests extends IngestJobTestSupport {

	private static final String RUN_DATE = "2026-11-24";

	private static final Path WORK = Path.of("target", "job-processes").toAbsolutePath();

	// three JVMs start at once: on two cores shared with other builds, one took 100 s just to start
	private static final Duration EXIT = Duration.ofSeconds(180);

	private final List<JobProcess> processes = new ArrayList<>();

	private TestRabbit rabbit;

	private Connection control;

	private Blocker blocker;

	@BeforeEach
	void writeStationsAndOpenQueue() throws IOException, SQLException {
		SyntheticStationFiles files = new SyntheticStationFiles(11);
		for (int station = 1; station <= 3; station++) {
			files.writeStation(INPUT.resolve(station(station) + ".txt"), station, 2001, 2002, false);
		}
		this.rabbit = new TestRabbit();
		this.control = DriverManager.getConnection(DATABASE_URL, TestPostgres.USER, TestPostgres.PASSWORD);
		this.blocker = new Blocker(this.control);
	}

	@AfterEach
	void stopProcessesAndDeleteQueue() throws Exception {
		for (JobProcess process : this.processes) {
			process.kill();
		}
		this.blocker.remove();
		TestPostgres.terminateSessions(this.control, "remote-%");
		this.control.close();
		this.rabbit.close();
	}

	@Test
	void givenTwoWorkers_whenTheManagerRunsTheNight_thenTheWarehouseHoldsWhatALocalRunLoads() throws Exception {
		assertThat(run(RUN_DATE)).isEqualTo(IngestExitCode.COMPLETED);
		Map<String, List<String>> local = warehouse();
		Map<String, Long> localTotals = totals(RUN_DATE);
		emptyTables();

		JobProcess first = startWorker("remote-worker-1", "10s");
		JobProcess second = startWorker("remote-worker-2", "10s");
		JobProcess manager = startManager("remote-manager");

		assertThat(manager.waitFor(EXIT)).as(manager.log()).isZero();
		assertThat(warehouse()).isEqualTo(local);
		assertThat(totals(RUN_DATE)).as("the run's totals, from what the workers recorded").isEqualTo(localTotals);
		// new stations' statistics are written by the file partitions: no statistics partition
		assertThat(this.jdbc.queryForList("SELECT status FROM batch_step_execution WHERE step_name LIKE '%:%'",
				String.class))
			.hasSize(3)
			.containsOnly("COMPLETED");
		List<String> workers = List.of(describe(first), describe(second));
		assertThat(partitionWorkers()).as("each partition names the worker that ran it").allSatisfy(
				(worker) -> assertThat(worker).isIn(workers));
		assertThat(first.log() + second.log()).contains(station(2) + ".txt: COMPLETED, 730 lines read");

		// the broker delivers a request twice: the second delivery does nothing
		long completed = count("SELECT step_execution_id FROM batch_step_execution WHERE step_name = ?",
				"ingestFile:" + station(1) + ".txt");
		Map<String, Object> before = this.jdbc.queryForMap("SELECT * FROM batch_step_execution WHERE step_execution_id = ?",
				completed);
		this.rabbit.send(new StepExecutionRequest("ingestFile", completed));
		awaitTrue(() -> (first.log() + second.log()).contains("is already COMPLETED: request acknowledged"),
				"a worker acknowledged the duplicate");
		awaitTrue(() -> this.rabbit.ready(this.rabbit.queue()) == 0, "the queue is empty");
		assertThat(this.jdbc.queryForMap("SELECT * FROM batch_step_execution WHERE step_execution_id = ?", completed))
			.isEqualTo(before);
		assertThat(warehouse()).isEqualTo(local);

		// a request no worker can handle (no such step execution) is delivered again, then dead-lettered
		this.rabbit.send(new StepExecutionRequest("ingestFile", 999_999_999L));
		awaitTrue(() -> this.rabbit.ready(this.rabbit.queue() + ".dead-letter") == 1, "the request dead-lettered");

		assertThat(first.waitFor(EXIT)).as("a worker exits 0 once idle").isZero();
		assertThat(second.waitFor(EXIT)).isZero();
	}

	@Test
	void givenAStationChangedSinceTheLastNight_whenTheManagerRunsTheNight_thenAWorkerRefreshesItsStatistics()
			throws Exception {
		assertThat(run("2026-11-23")).isEqualTo(IngestExitCode.COMPLETED);
		new SyntheticStationFiles(12).writeStation(INPUT.resolve(station(2) + ".txt"), 2, 2001, 2002, false);

		JobProcess worker = startWorker("remote-worker-1", "10s");
		JobProcess manager = startManager("remote-manager");

		assertThat(manager.waitFor(EXIT)).as(manager.log()).isZero();
		assertThat(this.jdbc.queryForList("SELECT step_name FROM batch_step_execution WHERE step_name LIKE '%:%' "
				+ "AND job_execution_id = (SELECT max(job_execution_id) FROM batch_job_execution)", String.class))
			.containsExactlyInAnyOrder("ingestFile:" + station(2) + ".txt",
					"refreshStationStats:" + station(2));
		assertThat(workerOf("refreshStationStats:" + station(2))).isEqualTo(describe(worker));
		assertThat(this.jdbc.queryForList("SELECT avg_max_temp_c FROM weather_yearly_stats WHERE station_id = ? "
				+ "ORDER BY year", BigDecimal.class, station(2)))
			.as("the changed values' averages")
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactlyElementsOf(this.jdbc.queryForList("SELECT ROUND(AVG(max_temp) / 10, 2) FROM "
					+ "weather_observation WHERE station_id = ? GROUP BY EXTRACT(YEAR FROM observation_date) "
					+ "ORDER BY EXTRACT(YEAR FROM observation_date)",
					BigDecimal.class, station(2)));
		assertEveryRowLoadedOnce();
		assertThat(worker.waitFor(EXIT)).isZero();
	}

	@Test
	void givenAWorkerKilledMidPartition_whenAnotherWorkerTakesItsRequest_thenTheRunCompletesWithEveryRowOnce()
			throws Exception {
		this.blocker.holdAt(station(2), "2001-09-07");
		JobProcess manager = startManager("remote-manager");
		JobProcess doomed = startWorker("remote-worker-1", "60s");
		this.blocker.awaitHeld(EXIT);

		doomed.kill();
		// what the server does on its own once it notices the client is gone
		TestPostgres.terminateSessions(this.control, "remote-worker-1");
		this.blocker.remove();
		JobProcess survivor = startWorker("remote-worker-2", "60s");

		assertThat(manager.waitFor(EXIT)).as(manager.log()).isZero();
		assertEveryRowLoadedOnce();
		assertThat(executionStatuses()).as("no rerun").containsExactly("COMPLETED");
		assertThat(workerOf("ingestFile:" + station(2) + ".txt")).as("the partition was finished by the second worker")
			.isEqualTo(describe(survivor));
	}

	@Test
	void givenSigtermToAWorkerMidPartition_thenItStopsAtAChunkBoundaryAndAnotherWorkerFinishesThePartition()
			throws Exception {
		this.blocker.holdAt(station(2), "2001-09-07");
		JobProcess manager = startManager("remote-manager");
		JobProcess stopped = startWorker("remote-worker-1", "60s");
		this.blocker.awaitHeld(EXIT);

		stopped.terminate();
		awaitTrue(() -> stopped.log().contains("SIGTERM: taking no more partition requests"), "the worker stopping");
		this.blocker.release();

		assertThat(stopped.waitFor(EXIT)).as("exit code after SIGTERM").isNotZero();
		assertThat(stopped.log()).contains("Stopping: ingestFile:" + station(2) + ".txt halts here")
			.contains("Every running partition halted at a chunk boundary");
		assertThat(count("SELECT count(*) FROM weather_observation WHERE station_id = ?", station(2)))
			.as("the chunk held when SIGTERM came was committed").isEqualTo(300);
		this.blocker.remove();
		JobProcess next = startWorker("remote-worker-2", "60s");

		assertThat(manager.waitFor(EXIT)).as(manager.log()).isZero();
		assertEveryRowLoadedOnce();
		assertThat(executionStatuses()).containsExactly("COMPLETED");
		assertThat(workerOf("ingestFile:" + station(2) + ".txt")).isEqualTo(describe(next));
		assertThat(next.log()).contains(station(2) + ".txt: COMPLETED, 730 lines read");
	}

	@Test
	void givenTheManagerKilled_whenTheNightRunsAgain_thenOnlyTheUnfinishedPartitionsRun() throws Exception {
		this.blocker.holdAt(station(2), "2001-09-07");
		startWorker("remote-worker-1", "60s");
		JobProcess manager = startManager("remote-manager-1");
		this.blocker.awaitHeld(EXIT);

		manager.kill();
		TestPostgres.terminateSessions(this.control, "remote-manager-1");
		JobProcess rerun = startManager("remote-manager-2");
		// the rerun holds the run lock, then waits at the fence for the chunk the worker still has in flight
		// (it passed its fence check while the dead manager held the lock): that chunk commits, with its restart
		// position, and the worker's next chunk finds the lock gone and stops
		awaitTrue(() -> count("""
				SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND NOT l.granted AND a.application_name = 'remote-manager-2'""") == 1,
				"the rerun waiting at the fence");
		assertThat(count("SELECT count(*) FROM batch_job_execution")).as("no execution before the fence").isOne();
		this.blocker.remove();

		assertThat(rerun.waitFor(EXIT)).as(rerun.log()).isZero();
		assertEveryRowLoadedOnce();
		assertThat(executionStatuses()).containsExactly("FAILED", "COMPLETED");
		assertThat(this.jdbc.queryForList("""
				SELECT step_name FROM batch_step_execution
				WHERE job_execution_id = (SELECT max(job_execution_id) FROM batch_job_execution)
				  AND step_name LIKE 'ingestFile:%' ORDER BY step_name""", String.class))
			.as("the rerun reads only the files the dead run had not finished")
			.containsExactly("ingestFile:" + station(2) + ".txt", "ingestFile:" + station(3) + ".txt");
	}

	@Test
	void givenNoWorker_whenTheManagerRuns_thenItFailsAfterItsTimeoutSayingNoWorkerTookThePartitions()
			throws Exception {
		JobProcess manager = startManager("remote-manager", "INGEST_REMOTE_TIMEOUT", "3s");

		assertThat(manager.waitFor(EXIT)).isEqualTo(IngestExitCode.NOT_COMPLETED.code());
		assertThat(manager.log()).contains("3 of 3 partitions of ingestFiles never started: no worker took their "
				+ "requests from queue " + this.rabbit.queue());
		assertThat(executionStatuses()).containsExactly("FAILED");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT status FROM batch_step_execution WHERE step_name LIKE "
				+ "'ingestFile:%'", String.class))
			.containsExactly("FAILED");
		assertThat(count("SELECT count(*) FROM weather_observation")).isZero();
	}

	private JobProcess startManager(String name, String... settings) {
		Map<String, String> environment = environment(name);
		environment.put("INGEST_PARTITIONING", "remote");
		environment.put("INGEST_REMOTE_POLL_INTERVAL", "200ms");
		environment.put("INGEST_INPUT", "file:" + INPUT + "/");
		for (int i = 0; i < settings.length; i += 2) {
			environment.put(settings[i], settings[i + 1]);
		}
		return start(JobProcess.start(WORK, environment, "run.date=" + RUN_DATE));
	}

	/** A worker of one consumer, so that it takes the files one after the other, in station order. */
	private JobProcess startWorker(String name, String idleTimeout) {
		Map<String, String> environment = environment(name);
		environment.put("INGEST_WORKER", "true");
		environment.put("INGEST_WORKER_IDLE_TIMEOUT", idleTimeout);
		environment.put("INGEST_CONCURRENCY", "1");
		return start(JobProcess.start(WORK, environment));
	}

	private Map<String, String> environment(String applicationName) {
		Map<String, String> environment = new HashMap<>(JobProcess.postgres(DATABASE_URL, applicationName));
		environment.putAll(this.rabbit.environment());
		environment.put("INGEST_CHUNK_SIZE", "100");
		return environment;
	}

	private JobProcess start(JobProcess process) {
		this.processes.add(process);
		return process;
	}

	/** What a process writes under the step execution context key {@code worker}. */
	private static String describe(JobProcess process) {
		return WorkerIdentity.ofThisProcess().description().replaceAll("pid \\d+$", "pid " + process.pid());
	}

	private List<String> partitionWorkers() {
		return this.jdbc.queryForList("SELECT step_name FROM batch_step_execution WHERE step_name LIKE '%:%'",
				String.class).stream().map(this::workerOf).toList();
	}

	/** The {@code worker} of a partition's last step execution. */
	private String workerOf(String partition) {
		long id = count("SELECT max(step_execution_id) FROM batch_step_execution WHERE step_name = ?", partition);
		return this.jobRepository.getStepExecution(id).getExecutionContext().getString(WorkerIdentity.KEY);
	}

	/** Rows, statistics and stations, every column but the execution that wrote them. */
	private Map<String, List<String>> warehouse() {
		return Map.of("observations", rows("SELECT station_id, observation_date, max_temp, min_temp, precipitation, "
				+ "quality_flags FROM weather_observation ORDER BY station_id, observation_date"), "statistics",
				rows("SELECT * FROM weather_yearly_stats ORDER BY station_id, year"), "stations",
				rows("SELECT * FROM weather_station ORDER BY station_id"));
	}

	private List<String> rows(String sql) {
		return this.jdbc.queryForList(sql).stream().map(Object::toString).toList();
	}

	private void assertEveryRowLoadedOnce() {
		for (int station = 1; station <= 3; station++) {
			assertThat(count("SELECT count(*) FROM weather_observation WHERE station_id = ?", station(station)))
				.isEqualTo(730);
			assertThat(count("SELECT count(DISTINCT observation_date) FROM weather_observation WHERE station_id = ?",
					station(station)))
				.isEqualTo(730);
		}
		assertThat(count("SELECT count(*) FROM weather_station WHERE observation_count = 730")).isEqualTo(3);
		assertThat(count("SELECT sum(observation_days) FROM weather_yearly_stats")).isEqualTo(3 * 730);
		assertThat(count("SELECT count(*) FROM ingest_touched_year")).as("nothing left out of date").isZero();
	}

	private List<String> executionStatuses() {
		return this.jdbc.queryForList("SELECT status FROM batch_job_execution ORDER BY job_execution_id",
				String.class);
	}

	private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + EXIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for: " + what);
			}
			Thread.sleep(100);
		}
	}

	private static String station(int number) {
		return SyntheticStationFiles.stationId(number);
	}

}
