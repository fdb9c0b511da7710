package com.example.weather.api.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.example.weather.api.support.IngestJob;
import com.example.weather.api.support.LoadedWarehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of the real job that fails on a station file (a gzip cut short, so the failure names the file by its
 * absolute path, with a stack trace), and what the job history says about it: one line with the file, relative to
 * the input location, and the reason; no stack frame, no absolute path. The BATCH_ tables keep the whole trace.
 */
class FailedJobDescriptionIntegrationTests {

	private static final String DATABASE = "weather_api_test_failed";

	private static final String BROKEN_FILE = "ECHO5.txt.gz";

	@TempDir
	static Path input;

	static NamedParameterJdbcTemplate jdbcTemplate;

	@BeforeAll
	static void runTheJobIntoAFailure() throws IOException {
		LoadedWarehouse.execute(LoadedWarehouse.SERVER_URL + "postgres",
				"DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "CREATE DATABASE " + DATABASE);
		Files.copy(IngestJob.fixtureFolder().resolve("ALPHA1.txt"), input.resolve("ALPHA1.txt"));
		Files.write(input.resolve(BROKEN_FILE), truncatedGzip());
		IngestJob.run(1, input, LoadedWarehouse.FIRST_RUN_DATE, Path.of("target").toAbsolutePath(),
				Map.of("SPRING_DATASOURCE_URL", LoadedWarehouse.SERVER_URL + DATABASE, "SPRING_DATASOURCE_USERNAME",
						LoadedWarehouse.ADMIN_USER));
		DriverManagerDataSource dataSource = new DriverManagerDataSource(LoadedWarehouse.SERVER_URL + DATABASE,
				LoadedWarehouse.ADMIN_USER, "");
		jdbcTemplate = new NamedParameterJdbcTemplate(dataSource);
	}

	@Test
	void theHistoryTellsWhichFileFailedAndWhyInOneLine() {
		JobQueries queries = new JobQueries(new JobRepositoryTables("BATCH_"));
		JobHistoryRepository jobs = new JobHistoryRepository(jdbcTemplate, queries,
				new FailureDescriptions(jdbcTemplate, queries));

		JobExecutionDetails execution = jobs.findById(1).orElseThrow();
		String description = execution.execution().exitDescription();

		assertThat(execution.execution().status()).isEqualTo("FAILED");
		assertThat(description).isEqualTo(BROKEN_FILE + ": is cut short: it ends in the middle of its gzip data "
				+ "(Unexpected end of ZLIB input stream)")
			.doesNotContain("\n", "\tat ", "Exception", input.toString(), "/tmp", "file:")
			.hasSizeLessThanOrEqualTo(FailureDescriptions.MAX_LENGTH);
		assertThat(jobs.findPage("FAILED", com.example.weather.api.web.PageRequest.of(null, null, null, "x")))
			.singleElement()
			.satisfies((summary) -> assertThat(summary.exitDescription()).isEqualTo(description));
	}

	@Test
	void theJobRepositoryKeepsTheWholeTrace() throws IOException {
		String stored = jdbcTemplate.getJdbcTemplate()
			.queryForObject("SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ?", String.class,
					"ingestFile:" + BROKEN_FILE);
		// what the test would catch if it leaked: a trace with its frames and causes
		assertThat(stored).contains("\tat ").contains("Caused by: ").contains("Exception");
	}

	/**
	 * A station file of many days, gzipped, with its second half cut off: the reader opens it and reads a good
	 * part before it fails, with the file's location in the error.
	 */
	private static byte[] truncatedGzip() throws IOException {
		StringBuilder lines = new StringBuilder();
		LocalDate day = LocalDate.of(1800, 1, 1);
		for (int i = 0; i < 60_000; i++) {
			lines.append("%s\t%5d\t%5d\t%5d\n".formatted(day.plusDays(i).format(DateTimeFormatter.BASIC_ISO_DATE),
					100 + i % 97, 50 - i % 89, i % 83));
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(lines.toString().getBytes());
		}
		byte[] whole = bytes.toByteArray();
		return Arrays.copyOf(whole, whole.length / 2);
	}

}
