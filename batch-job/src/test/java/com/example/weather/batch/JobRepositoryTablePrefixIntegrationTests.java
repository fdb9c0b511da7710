package com.example.weather.batch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.example.weather.batch.launch.IngestExitCode;
import com.example.weather.batch.support.Blocker;
import com.example.weather.batch.support.JobProcess;
import com.example.weather.batch.support.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job repository's tables take Spring Batch's own {@code spring.batch.jdbc.table-prefix}: the changelog creates
 * them with it, and everything that reads them finds them (the job repository, the launcher's recovery and restart,
 * the run fence each chunk checks), so a night fails, restarts and is found complete exactly as with
 * {@code BATCH_}. The job runs as the operator runs it, on the bundled sample, with the prefix from the environment.
 */
class JobRepositoryTablePrefixIntegrationTests {

	private static final String DATABASE = "weather_table_prefix_test";

	private static final Path WORK = Path.of("target", "job-processes").toAbsolutePath();

	private static final String RUN_DATE = "run.date=2026-11-24";

	@Test
	void givenATablePrefix_whenANightFailsAndRunsAgainTwice_thenItsTablesHaveThePrefixAndItRestartsThenIsComplete()
			throws Exception {
		String url = TestPostgres.newDatabase(DATABASE);
		Map<String, String> environment = new HashMap<>(JobProcess.postgres(url));
		environment.put("SPRING_BATCH_JDBC_TABLEPREFIX", "WX_BATCH_");
		try (Connection control = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(control, true));
			Map<String, String> migrateOnly = new HashMap<>(environment);
			migrateOnly.put("INGEST_RUN_ON_STARTUP", "false");
			run(migrateOnly, IngestExitCode.COMPLETED);
			assertThat(jdbc.queryForList("SELECT relname FROM pg_class WHERE relkind IN ('r', 'S') AND relname LIKE "
					+ "'%batch%' ORDER BY relname", String.class))
				.containsExactly("wx_batch_job_execution", "wx_batch_job_execution_context",
						"wx_batch_job_execution_params", "wx_batch_job_execution_seq", "wx_batch_job_instance",
						"wx_batch_job_instance_seq", "wx_batch_step_execution", "wx_batch_step_execution_context",
						"wx_batch_step_execution_seq");
			assertThat(jdbc.queryForList("SELECT relname FROM pg_class WHERE relname LIKE 'batch%'", String.class))
				.isEmpty();

			Blocker blocker = new Blocker(control);
			blocker.failAt("SYN00000002", "2012-01-03");
			run(environment, IngestExitCode.NOT_COMPLETED);
			blocker.remove();
			assertThat(run(environment, IngestExitCode.COMPLETED)).contains("ended COMPLETED");
			assertThat(run(environment, IngestExitCode.COMPLETED))
				.contains("The run for run.date=2026-11-24 already completed; nothing to do");

			assertThat(jdbc.queryForList("SELECT status FROM wx_batch_job_execution ORDER BY job_execution_id",
					String.class))
				.as("one instance: its failed execution, then the restart")
				.containsExactly("FAILED", "COMPLETED");
			assertThat(jdbc.queryForList("""
					SELECT s.step_name FROM wx_batch_step_execution s
					WHERE s.job_execution_id = (SELECT max(job_execution_id) FROM wx_batch_job_execution)
					  AND s.step_name LIKE 'ingestFile:%'""", String.class))
				.as("the restart reads only the file that failed")
				.containsExactly("ingestFile:SYN00000002.txt");
			assertThat(jdbc.queryForObject("SELECT count(*) FROM weather_observation", Long.class)).isEqualTo(3293);
		}
	}

	/** Runs the night in a process of its own, which must exit with {@code expected}; answers its log. */
	private static String run(Map<String, String> environment, IngestExitCode expected) throws InterruptedException {
		JobProcess job = JobProcess.start(WORK, environment, RUN_DATE);
		assertThat(job.waitFor(Duration.ofSeconds(90))).as(job.log()).isEqualTo(expected.code());
		return job.log();
	}

}
