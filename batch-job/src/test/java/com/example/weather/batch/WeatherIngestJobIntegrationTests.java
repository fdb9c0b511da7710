package com.example.weather.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.example.weather.batch.ingest.FileStepContext;
import com.example.weather.batch.launch.IngestArguments;
import com.example.weather.batch.launch.IngestExitCode;
import com.example.weather.batch.support.SyntheticStationFiles;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Loading station files into PostgreSQL: exact rows, counts, statistics, idempotence, corrections and rejects.
 */
class WeatherIngestJobIntegrationTests extends IngestJobTestSupport {

	// Two years of one station, values in tenths; expected statistics worked out by hand below.
	private static final String[] ALPHA = { "20130101\t  100\t   10\t   50", "20130102\t  200\t  -10\t    0",
			"20130103\t-9999\t  -20\t-9999", "20140101\t   50\t   60\t  120" };

	// A year without a single precipitation value: its total must be NULL, not 0.
	private static final String[] BRAVO = { "20150601\t  300\t  150\t-9999", "20150602\t  310\t  160\t-9999" };

	@Test
	void givenNewFiles_whenTheJobRuns_thenEveryLineIsLoadedWithItsValuesAndStatistics() throws IOException {
		writeStation("ALPHA.txt", ALPHA);
		writeStation("BRAVO.txt", BRAVO);

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.COMPLETED);

		assertThat(totals("2026-11-01"))
			.isEqualTo(Map.of("inserted", 6L, "updated", 0L, "unchanged", 0L, "rejected", 0L));
		long executionId = lastExecution("2026-11-01").getId();
		assertThat(this.jdbc.queryForList("""
				SELECT station_id, observation_date, max_temp, min_temp, precipitation, quality_flags, job_execution_id
				FROM weather_observation ORDER BY station_id, observation_date"""))
			.extracting((row) -> tuple(row.get("station_id"), row.get("observation_date").toString(),
					row.get("max_temp"), row.get("min_temp"), row.get("precipitation"), row.get("quality_flags"),
					row.get("job_execution_id")))
			.containsExactly(tuple("ALPHA", "2013-01-01", 100, 10, 50, null, executionId),
					tuple("ALPHA", "2013-01-02", 200, -10, 0, null, executionId),
					tuple("ALPHA", "2013-01-03", null, -20, null, null, executionId),
					tuple("ALPHA", "2014-01-01", 50, 60, 120, "MAX_BELOW_MIN", executionId),
					tuple("BRAVO", "2015-06-01", 300, 150, null, null, executionId),
					tuple("BRAVO", "2015-06-02", 310, 160, null, null, executionId));

		// 2013: max (100 + 200) / 2 = 15.0 °C; min (10 - 10 - 20) / 3 = -0.67 °C; precipitation 50 tenths = 0.5 cm
		assertThat(this.jdbc.queryForList("SELECT * FROM weather_yearly_stats ORDER BY station_id, year"))
			.extracting((row) -> tuple(row.get("station_id"), row.get("year"), row.get("avg_max_temp_c"),
					row.get("avg_min_temp_c"), row.get("total_precipitation_cm"), row.get("max_temp_days"),
					row.get("min_temp_days"), row.get("precipitation_days")))
			.containsExactly(
					tuple("ALPHA", 2013, new BigDecimal("15.00"), new BigDecimal("-0.67"), new BigDecimal("0.50"), 2, 3,
							2),
					tuple("ALPHA", 2014, new BigDecimal("5.00"), new BigDecimal("6.00"), new BigDecimal("1.20"), 1, 1,
							1),
					tuple("BRAVO", 2015, new BigDecimal("30.50"), new BigDecimal("15.50"), null, 2, 2, 0));
		// new stations' statistics are written with their rows: nothing is left for the statistics step to read back
		assertThat(lastExecution("2026-11-01").getStepExecutions()).extracting(StepExecution::getStepName)
			.filteredOn((name) -> name.startsWith("refreshStationStats:"))
			.isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ingest_touched_year", Long.class))
			.as("nothing left out of date")
			.isZero();

		assertThat(this.jdbc.queryForList("SELECT * FROM weather_station ORDER BY station_id"))
			.extracting((row) -> tuple(row.get("station_id"), row.get("first_observation_date").toString(),
					row.get("last_observation_date").toString(), row.get("observation_count")))
			.containsExactly(tuple("ALPHA", "2013-01-01", "2014-01-01", 4L),
					tuple("BRAVO", "2015-06-01", "2015-06-02", 2L));
	}

	@Test
	void givenANewStationOfManyChunks_whenItLoads_thenEachYearHasTheStatisticsOfAllItsRows() throws IOException {
		// three years in chunks of 100 lines: every year is cut by chunk ends, the last chunk ends mid-year
		long lines = new SyntheticStationFiles(5).writeStation(INPUT.resolve("CHARLIE.txt"), 3, 2000, 2002, false);

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.COMPLETED);

		// what the statistics step computed in SQL before new stations were summed up by their writer
		List<Map<String, Object>> expected = this.jdbc.queryForList("""
				SELECT station_id, CAST(EXTRACT(YEAR FROM observation_date) AS INTEGER) AS year,
				       ROUND(AVG(max_temp) / 10, 2) AS avg_max_temp_c, ROUND(AVG(min_temp) / 10, 2) AS avg_min_temp_c,
				       CAST(SUM(precipitation) / 100.0 AS NUMERIC(9, 2)) AS total_precipitation_cm,
				       CAST(COUNT(max_temp) AS INTEGER) AS max_temp_days,
				       CAST(COUNT(min_temp) AS INTEGER) AS min_temp_days,
				       CAST(COUNT(precipitation) AS INTEGER) AS precipitation_days,
				       CAST(COUNT(*) AS INTEGER) AS observation_days,
				       MIN(observation_date) AS first_observation_date, MAX(observation_date) AS last_observation_date
				FROM weather_observation GROUP BY 1, 2 ORDER BY 1, 2""");
		assertThat(expected).hasSize(3);
		assertThat(this.jdbc.queryForList("""
				SELECT station_id, year, avg_max_temp_c, avg_min_temp_c, total_precipitation_cm, max_temp_days,
				       min_temp_days, precipitation_days, observation_days, first_observation_date,
				       last_observation_date
				FROM weather_yearly_stats ORDER BY 1, 2"""))
			.isEqualTo(expected);
		assertThat(this.jdbc.queryForMap("SELECT first_observation_date, last_observation_date, "
				+ "CAST(observation_count AS BIGINT) AS observation_count FROM weather_station WHERE station_id = 'CHARLIE'"))
			.containsEntry("first_observation_date", java.sql.Date.valueOf("2000-01-01"))
			.containsEntry("last_observation_date", java.sql.Date.valueOf("2002-12-31"))
			.containsEntry("observation_count", lines);
	}

	@Test
	void givenLoadedFiles_whenTheNextNightFindsThemUnchanged_thenTheyAreNotReadAgain() throws IOException {
		writeStation("ALPHA.txt", ALPHA);
		writeStation("BRAVO.txt", BRAVO);
		run("2026-11-01");
		writeStation("BRAVO.txt", BRAVO[0]);
		// touched, same content: hashed, found unchanged
		Files.setLastModifiedTime(INPUT.resolve("ALPHA.txt"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

		assertThat(run("2026-11-02")).isEqualTo(IngestExitCode.COMPLETED);

		assertThat(lastExecution("2026-11-02").getStepExecutions()).extracting((step) -> step.getStepName())
			.containsExactlyInAnyOrder("ingestFiles", "ingestFile:BRAVO.txt", "refreshYearlyStats");
		assertThat(totals("2026-11-02"))
			.isEqualTo(Map.of("inserted", 0L, "updated", 0L, "unchanged", 1L, "rejected", 0L));
		assertThat(this.jdbc.queryForList("SELECT location, job_execution_id FROM ingest_file ORDER BY location"))
			.extracting((row) -> tuple(row.get("location").toString().replaceAll(".*/", ""), row.get("job_execution_id")))
			.containsExactly(tuple("ALPHA.txt", lastExecution("2026-11-01").getId()),
					tuple("BRAVO.txt", lastExecution("2026-11-02").getId()));
	}

	@Test
	void givenLoadedFiles_whenForcedToLoadThemAgain_thenEveryLineIsUnchangedAndNothingIsWritten() throws IOException {
		writeStation("ALPHA.txt", ALPHA);
		writeStation("BRAVO.txt", BRAVO);
		run("2026-11-01");
		long firstExecution = lastExecution("2026-11-01").getId();
		var statsBefore = this.jdbc.queryForList("SELECT * FROM weather_yearly_stats ORDER BY station_id, year");

		assertThat(this.launcher.launch(new IngestArguments(LocalDate.parse("2026-11-01"), true)))
			.isEqualTo(IngestExitCode.COMPLETED);

		var forced = this.jobRepository.getLastJobExecution(WeatherIngestJobConfiguration.JOB_NAME,
				new IngestArguments(LocalDate.parse("2026-11-01"), true).toJobParameters());
		assertThat(forced.getExecutionContext().getLong(FileStepContext.UNCHANGED)).isEqualTo(6);
		assertThat(forced.getExecutionContext().getLong(FileStepContext.INSERTED)).isZero();
		assertThat(forced.getExecutionContext().getLong(FileStepContext.UPDATED)).isZero();
		assertThat(count("SELECT count(*) FROM weather_observation")).isEqualTo(6);
		assertThat(count("SELECT count(*) FROM weather_observation WHERE job_execution_id <> ?", firstExecution))
			.isZero();
		assertThat(this.jdbc.queryForList("SELECT * FROM weather_yearly_stats ORDER BY station_id, year"))
			.isEqualTo(statsBefore);
	}

	@Test
	void givenAValueCorrectedUpstream_whenTheFileLoadsAgain_thenOnlyThatRowAndItsYearChange() throws IOException {
		writeStation("ALPHA.txt", ALPHA);
		run("2026-11-01");
		String[] corrected = ALPHA.clone();
		corrected[1] = "20130102\t  400\t  -10\t    0";
		writeStation("ALPHA.txt", corrected);

		assertThat(run("2026-11-02")).isEqualTo(IngestExitCode.COMPLETED);

		assertThat(totals("2026-11-02"))
			.isEqualTo(Map.of("inserted", 0L, "updated", 1L, "unchanged", 3L, "rejected", 0L));
		assertThat(this.jdbc.queryForMap(
				"SELECT max_temp, job_execution_id FROM weather_observation WHERE observation_date = DATE '2013-01-02'"))
			.isEqualTo(Map.of("max_temp", 400, "job_execution_id", lastExecution("2026-11-02").getId()));
		assertThat(this.jdbc.queryForObject(
				"SELECT avg_max_temp_c FROM weather_yearly_stats WHERE station_id = 'ALPHA' AND year = 2013",
				BigDecimal.class))
			.isEqualByComparingTo("25.00");
	}

	@Test
	void givenBadLines_whenTheJobRuns_thenEachIsRejectedWithItsLineNumberAndReasonAndTheRestLoads() throws IOException {
		writeStation("DIRTY.txt", "20140101\t   10\t    0\t    0", // 1 ok
				"", // 2 blank: skipped
				"20140102\t  abc\t    0\t    0", // 3
				"20140231\t   10\t    0\t    0", // 4 no such date
				"20140103\t   10\t    0", // 5 three fields
				"20140104\t   10\t    0\t    0\t    0", // 6 five fields
				"20140105\t  601\t    0\t    0", // 7 61.1 °C
				"20140106\t   10\t -901\t    0", // 8 -90.1 °C
				"20140107\t   10\t    0\t   -5", // 9
				"20140108\t   10\t    0\t20001", // 10 2000.1 mm
				"20140101\t   11\t    1\t    1", // 11 second line for 2014-01-01
				"20140109\t  600\t -900\t20000", // 12 at the limits: kept, flagged
				"#20140110\t   10\t    0\t    0", // 13 not a comment: a bad date
				"20140111\t   20\t   30\t-9999"); // 14 max below min: kept, flagged

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.COMPLETED);

		assertThat(this.jdbc.queryForList(
				"SELECT file_name, line_number, reason_code, line FROM ingest_reject ORDER BY line_number"))
			.extracting((row) -> tuple(row.get("file_name"), row.get("line_number"), row.get("reason_code")))
			.containsExactly(tuple("DIRTY.txt", 3L, "UNPARSEABLE_FIELD"), tuple("DIRTY.txt", 4L, "INVALID_DATE"),
					tuple("DIRTY.txt", 5L, "WRONG_FIELD_COUNT"), tuple("DIRTY.txt", 6L, "WRONG_FIELD_COUNT"),
					tuple("DIRTY.txt", 7L, "TEMPERATURE_OUT_OF_RANGE"),
					tuple("DIRTY.txt", 8L, "TEMPERATURE_OUT_OF_RANGE"),
					tuple("DIRTY.txt", 9L, "NEGATIVE_PRECIPITATION"),
					tuple("DIRTY.txt", 10L, "PRECIPITATION_OUT_OF_RANGE"), tuple("DIRTY.txt", 11L, "DUPLICATE_DATE"),
					tuple("DIRTY.txt", 13L, "INVALID_DATE"));
		assertThat(this.jdbc.queryForObject("SELECT reason FROM ingest_reject WHERE line_number = 7", String.class))
			.isEqualTo("temperature outside -90..60 °C: max 60.1 °C");
		assertThat(this.jdbc.queryForObject("SELECT line FROM ingest_reject WHERE line_number = 3", String.class))
			.isEqualTo("20140102\t  abc\t    0\t    0");
		assertThat(this.jdbc.queryForList(
				"SELECT observation_date, max_temp, quality_flags FROM weather_observation ORDER BY observation_date"))
			.extracting((row) -> tuple(row.get("observation_date").toString(), row.get("max_temp"),
					row.get("quality_flags")))
			.containsExactly(tuple("2014-01-01", 10, null),
					tuple("2014-01-09", 600, "EXTREME_HEAT,EXTREME_COLD,EXTREME_PRECIPITATION"),
					tuple("2014-01-11", 20, "MAX_BELOW_MIN"));
		assertThat(totals("2026-11-01")).containsEntry("rejected", 10L).containsEntry("inserted", 3L);
		var step = lastExecution("2026-11-01").getStepExecutions()
			.stream()
			.filter((s) -> s.getStepName().endsWith("DIRTY.txt"))
			.findFirst()
			.orElseThrow();
		assertThat(step.getReadCount()).isEqualTo(14);
		assertThat(step.getFilterCount()).as("blank lines").isEqualTo(1);
	}

	@Test
	void givenCrlfBomAndGzipFiles_whenTheJobRuns_thenTheyLoadLikePlainOnes() throws IOException {
		String crlfWithBom = "\uFEFF" + String.join("\r\n", ALPHA) + "\r\n";
		Files.writeString(INPUT.resolve("ALPHA.txt"), crlfWithBom, StandardCharsets.UTF_8);
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(gzipped)) {
			out.write(("\uFEFF" + String.join("\r\n", BRAVO) + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		Files.write(INPUT.resolve("BRAVO.txt.gz"), gzipped.toByteArray());
		Files.writeString(INPUT.resolve("README.md"), "not a station file");

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.COMPLETED);

		assertThat(totals("2026-11-01"))
			.isEqualTo(Map.of("inserted", 6L, "updated", 0L, "unchanged", 0L, "rejected", 0L));
		assertThat(this.jdbc.queryForList("SELECT DISTINCT station_id FROM weather_observation ORDER BY 1",
				String.class))
			.isEqualTo(List.of("ALPHA", "BRAVO"));
		assertThat(count("SELECT max_temp FROM weather_observation WHERE observation_date = DATE '2013-01-01'"))
			.isEqualTo(100);
	}

	@Test
	void givenManyFiles_whenTheJobRuns_thenTheFirstFilesLoadWhileTheLastPartitionsAreStillCreated()
			throws IOException {
		for (int station = 1; station <= 60; station++) {
			writeStation("S%02d.txt".formatted(station), ALPHA);
		}

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.COMPLETED);

		Map<String, Object> partitions = this.jdbc.queryForMap("""
				SELECT count(*) AS files, min(start_time) AS first_started, max(create_time) AS last_created
				FROM batch_step_execution WHERE job_execution_id = ? AND step_name LIKE 'ingestFile:%'""",
				lastExecution("2026-11-01").getId());
		assertThat(partitions.get("files")).isEqualTo(60L);
		assertThat((Timestamp) partitions.get("first_started")).isBefore((Timestamp) partitions.get("last_created"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM weather_observation", Long.class)).isEqualTo(240);
	}

	@Test
	void givenFilesNeverLoaded_whenTheJobReadsThem_thenTheManifestHoldsTheSha256OfEachFilesBytes() throws Exception {
		writeStation("ALPHA.txt", ALPHA);
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(gzipped)) {
			out.write((String.join("\n", BRAVO) + "\n").getBytes(StandardCharsets.UTF_8));
		}
		// bytes after the gzip data: read by no line, still part of the file
		gzipped.write("trailing".getBytes(StandardCharsets.UTF_8));
		Files.write(INPUT.resolve("BRAVO.txt.gz"), gzipped.toByteArray());

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.COMPLETED);

		assertThat(this.jdbc.queryForList("SELECT location, fingerprint FROM ingest_file ORDER BY location"))
			.extracting((row) -> tuple(row.get("location").toString().replaceAll(".*/", ""), row.get("fingerprint")))
			.containsExactly(tuple("ALPHA.txt", sha256Of("ALPHA.txt")), tuple("BRAVO.txt.gz", sha256Of("BRAVO.txt.gz")));
	}

	private static String sha256Of(String fileName) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(INPUT.resolve(fileName)));
		return "sha256:" + HexFormat.of().formatHex(digest);
	}

	@Test
	void givenTwoFilesForOneStation_whenTheJobRuns_thenItFailsNamingBoth() throws IOException {
		writeStation("ALPHA.txt", ALPHA);
		Files.write(INPUT.resolve("ALPHA.txt.gz"), new byte[0]);

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.NOT_COMPLETED);

		assertThat(lastExecution("2026-11-01").getExitStatus().getExitDescription())
			.contains("Station ALPHA has two files, ALPHA.txt and ALPHA.txt.gz");
		assertThat(count("SELECT count(*) FROM weather_observation")).isZero();
	}

	@Test
	void givenPostgres_whenTheJobCommits_thenItDoesNotWaitForTheWalFlush() {
		// every pooled connection, the chunks' and the job repository's alike
		assertThat(this.jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("off");
	}

}
