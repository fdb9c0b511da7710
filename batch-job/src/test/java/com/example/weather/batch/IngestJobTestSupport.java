package com.example.weather.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import com.example.weather.batch.ingest.FileStepContext;
import com.example.weather.batch.launch.IngestArguments;
import com.example.weather.batch.launch.IngestExitCode;
import com.example.weather.batch.launch.IngestLauncher;
import com.example.weather.batch.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real job in this JVM against a real PostgreSQL database, with station files the test writes into
 * {@link #INPUT}. Every test starts from empty tables and an empty input folder. Runs go through the same
 * {@link IngestLauncher} as the command line: run lock, recovery of dead executions, start or restart.
 */
@SpringBootTest(properties = { "ingest.run-on-startup=false", "ingest.chunk-size=100", "ingest.concurrency=2" })
public abstract class IngestJobTestSupport {

	protected static final String DATABASE = "weather_job_test";

	protected static final Path INPUT = Path.of("target", "test-input").toAbsolutePath();

	protected static final String DATABASE_URL = TestPostgres.database(DATABASE);

	@Autowired
	protected IngestLauncher launcher;

	@Autowired
	protected JobRepository jobRepository;

	@Autowired
	protected JdbcTemplate jdbc;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE_URL);
		registry.add("spring.datasource.username", () -> TestPostgres.USER);
		registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
		registry.add("ingest.input", () -> "file:" + INPUT + "/");
	}

	@BeforeEach
	void emptyTablesAndInput() throws IOException {
		emptyTables();
		if (Files.exists(INPUT)) {
			try (Stream<Path> files = Files.walk(INPUT)) {
				files.sorted(Comparator.reverseOrder()).filter((p) -> !p.equals(INPUT)).forEach((p) -> p.toFile().delete());
			}
		}
		Files.createDirectories(INPUT);
	}

	/** Empties the warehouse and the job repository. */
	protected void emptyTables() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS test_blocker ON weather_observation");
		this.jdbc.execute("DROP TRIGGER IF EXISTS test_blocker ON weather_yearly_stats");
		this.jdbc.execute("""
				TRUNCATE weather_observation, weather_station, weather_yearly_stats, ingest_reject, ingest_file, ingest_touched_year,
				         batch_step_execution_context, batch_job_execution_context, batch_step_execution,
				         batch_job_execution_params, batch_job_execution, batch_job_instance""");
	}

	protected IngestExitCode run(String runDate) {
		return this.launcher.launch(new IngestArguments(LocalDate.parse(runDate)));
	}

	protected JobExecution lastExecution(String runDate) {
		return this.jobRepository.getLastJobExecution(WeatherIngestJobConfiguration.JOB_NAME,
				new IngestArguments(LocalDate.parse(runDate)).toJobParameters());
	}

	/** The run's inserted, updated, unchanged and rejected totals, as the job recorded them. */
	protected Map<String, Long> totals(String runDate) {
		var context = lastExecution(runDate).getExecutionContext();
		return Map.of("inserted", context.getLong(FileStepContext.INSERTED), "updated",
				context.getLong(FileStepContext.UPDATED), "unchanged", context.getLong(FileStepContext.UNCHANGED),
				"rejected", context.getLong(FileStepContext.REJECTED));
	}

	protected static Path writeStation(String fileName, String... lines) throws IOException {
		return Files.writeString(INPUT.resolve(fileName), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
	}

	protected long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

}
