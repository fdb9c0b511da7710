package com.example.weather.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import com.example.weather.batch.launch.IngestExitCode;
import com.example.weather.batch.partitioning.WorkerIdentity;
import com.example.weather.batch.support.Blocker;
import com.example.weather.batch.support.SyntheticStationFiles;
import com.example.weather.batch.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Input that must not break the night: no input at all, names that are not stations, lines of any length and any
 * bytes, more rejects than the limit, empty and corrupt files, a file rewritten while it is read. Each either loads,
 * is recorded as rejected, or fails its file with a one-line reason, and the rerun after the fix completes.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputIntegrationTests extends IngestJobTestSupport {

	/** How the per-file log line names the process that read the file. */
	private static final String BY_THIS_PROCESS = ", by " + WorkerIdentity.ofThisProcess().description();

	private static final String GOOD_LINE = "20140101\t   10\t    0\t    0";

	@Test
	void givenNoStationFilesAtTheLocation_whenTheJobRuns_thenItFailsNamingIt_andTheRerunWithFilesCompletes(
			CapturedOutput output) throws IOException {
		Files.delete(INPUT);
		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.NOT_COMPLETED);
		assertThat(output).contains("ingestFiles: FAILED: IllegalStateException: No station files (*.txt, *.txt.gz) at file:" + INPUT + "/")
			.doesNotContain("\tat ");

		Files.createDirectories(INPUT);
		writeStation("notes.txt", GOOD_LINE);
		writeStation("my station.txt", GOOD_LINE);
		writeStation("README.md", "not a station file");
		assertThat(run("2026-11-02")).isEqualTo(IngestExitCode.NOT_COMPLETED);
		assertThat(output).contains("Skipped 2 files at file:" + INPUT + "/ whose names are not station ids")
			.contains("my station.txt, notes.txt");

		writeStation("ALPHA.txt", GOOD_LINE);
		assertThat(run("2026-11-02")).as("the same night, rerun").isEqualTo(IngestExitCode.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT station_id FROM weather_observation", String.class))
			.containsExactly("ALPHA");
	}

	@Test
	void givenLinesOfAnyLengthAndAnyBytes_whenTheJobRuns_thenEachIsLoadedOrRecordedAsRejected() throws IOException {
		char[] spaces = new char[5000];
		Arrays.fill(spaces, 'x');
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes((GOOD_LINE + "\n").getBytes(StandardCharsets.UTF_8)); // 1
		file.writeBytes(("20140102\t" + new String(spaces) + "\t0\t0\n").getBytes(StandardCharsets.UTF_8)); // 2
		file.writeBytes("20140103\t 1\0\t    0\t    0\n".getBytes(StandardCharsets.UTF_8)); // 3: a NUL byte
		file.writeBytes(new byte[] { '2', '0', '1', '4', '0', '1', '0', '4', '\t', (byte) 0xC3, '(', '\t', '0', '\t',
				'0', '\n' }); // 4: not UTF-8
		file.writeBytes(("20140105\t" + new String(spaces, 0, 600) + "\n").getBytes(StandardCharsets.UTF_8)); // 5
		file.writeBytes("\0\0\0\n".getBytes(StandardCharsets.UTF_8)); // 6
		file.writeBytes("20140107\t   70\t    0\t    0".getBytes(StandardCharsets.UTF_8)); // 7, no line end
		Files.write(INPUT.resolve("ODD.txt"), file.toByteArray());

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.COMPLETED);

		assertThat(this.jdbc.queryForList("SELECT observation_date FROM weather_observation ORDER BY 1", String.class))
			.containsExactly("2014-01-01", "2014-01-07");
		assertThat(this.jdbc.queryForList("SELECT line_number, reason_code, line_truncated, line_length, length(line), "
				+ "position('␀' IN line) > 0 AS nul FROM ingest_reject ORDER BY line_number"))
			.extracting((row) -> tuple(row.get("line_number"), row.get("reason_code"), row.get("line_truncated"),
					row.get("line_length"), row.get("length"), row.get("nul")))
			.containsExactly(tuple(2L, "LINE_TOO_LONG", true, 5013L, 1000, false),
					tuple(3L, "UNPARSEABLE_FIELD", false, 24L, 24, true),
					tuple(4L, "UNPARSEABLE_FIELD", false, 15L, 15, false),
					tuple(5L, "UNPARSEABLE_FIELD", false, 609L, 609, false),
					tuple(6L, "INVALID_DATE", false, 3L, 3, true));
	}

	@Test
	void givenMoreRejectsThanTheLimit_whenTheRunFails_thenTheRejectsUpToTheLimitStayRecorded(CapturedOutput output)
			throws IOException {
		String[] lines = new String[1050];
		Arrays.fill(lines, "not a line");
		writeStation("BAD.txt", lines);

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.NOT_COMPLETED);

		assertThat(count("SELECT count(*) FROM ingest_reject")).isEqualTo(1000);
		assertThat(count("SELECT max(line_number) FROM ingest_reject")).isEqualTo(1000);
		assertThat(output).contains("BAD.txt: FAILED, 1,050 lines read, 0 inserted, 0 updated, 0 unchanged, "
				+ "1,000 rejected, 0 blank" + BY_THIS_PROCESS + ": 1050 lines rejected in this run, over the limit of 1000");
	}

	@Test
	void givenEmptyAndCorruptFiles_whenTheJobRuns_thenEachFailsWithItsReasonTheOthersLoad_andTheRerunAfterTheFixCompletes(
			CapturedOutput output) throws IOException {
		SyntheticStationFiles synthetic = new SyntheticStationFiles(3);
		synthetic.writeStation(INPUT.resolve("GOOD.txt"), 1, 2001, 2001, false);
		Files.write(INPUT.resolve("EMPTY.txt.gz"), new byte[0]);
		Path whole = Files.createTempFile("whole", ".gz");
		synthetic.writeStation(whole, 2, 2001, 2001, true);
		byte[] gzip = Files.readAllBytes(whole);
		Files.write(INPUT.resolve("CUT.txt.gz"), Arrays.copyOf(gzip, gzip.length * 2 / 3));
		writeStation("PLAIN.txt.gz", GOOD_LINE);

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.NOT_COMPLETED);

		assertThat(count("SELECT count(*) FROM weather_observation WHERE station_id = 'GOOD'")).isEqualTo(365);
		assertThat(output).contains("EMPTY.txt.gz: FAILED, 0 lines read, 0 inserted, 0 updated, 0 unchanged, "
				+ "0 rejected, 0 blank" + BY_THIS_PROCESS + ": EMPTY.txt.gz: is empty (0 bytes)")
			.contains("PLAIN.txt.gz: FAILED, 0 lines read, 0 inserted, 0 updated, 0 unchanged, 0 rejected, 0 blank"
					+ BY_THIS_PROCESS + ": "
					+ "PLAIN.txt.gz: is not a gzip file (Not in GZIP format)")
			.contains("CUT.txt.gz: is cut short: it ends in the middle of its gzip data")
			.contains("GOOD.txt: COMPLETED")
			.contains("failed files: 3, each said why above")
			.doesNotContain("\tat ");

		Files.write(INPUT.resolve("CUT.txt.gz"), gzip);
		synthetic.writeStation(INPUT.resolve("EMPTY.txt.gz"), 3, 2001, 2001, true);
		Files.write(INPUT.resolve("PLAIN.txt.gz"), gzip(GOOD_LINE + "\n"));
		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.COMPLETED);

		assertThat(this.jdbc.queryForList("SELECT station_id || ' ' || count(*) FROM weather_observation "
				+ "GROUP BY station_id ORDER BY 1", String.class))
			.containsExactly("CUT 365", "EMPTY 365", "GOOD 365", "PLAIN 1");
		assertThat(count("SELECT count(*) FROM weather_station")).isEqualTo(4);
	}

	@Test
	void givenAFileRewrittenWhileItIsRead_whenTheChunkEnds_thenThatFileFails_andTheRerunReadsItsNewVersion(
			CapturedOutput output) throws Exception {
		SyntheticStationFiles synthetic = new SyntheticStationFiles(5);
		synthetic.writeStation(INPUT.resolve("MOVING.txt"), 1, 2001, 2001, false);
		try (Connection control = DriverManager.getConnection(DATABASE_URL, TestPostgres.USER,
				TestPostgres.PASSWORD)) {
			Blocker blocker = new Blocker(control);
			blocker.holdAt("MOVING", "2001-05-01");
			CompletableFuture<IngestExitCode> running = CompletableFuture.supplyAsync(() -> run("2026-11-01"));
			blocker.awaitHeld(java.time.Duration.ofSeconds(60));

			synthetic.writeStation(INPUT.resolve("MOVING.txt"), 1, 2001, 2002, false);
			blocker.remove();

			assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo(IngestExitCode.NOT_COMPLETED);
		}
		assertThat(output).contains("MOVING.txt: FAILED, 200 lines read, 100 inserted, 0 updated, 0 unchanged, "
				+ "0 rejected, 0 blank" + BY_THIS_PROCESS + ": MOVING.txt: changed while it was read");
		assertThat(count("SELECT count(*) FROM weather_observation")).as("the chunks before the change").isEqualTo(100);

		assertThat(run("2026-11-01")).isEqualTo(IngestExitCode.COMPLETED);
		assertThat(count("SELECT count(*) FROM weather_observation")).isEqualTo(730);
		assertThat(output).contains("MOVING.txt changed since an earlier execution began reading it");
		assertThat(count("SELECT observation_count FROM weather_station")).isEqualTo(730);
	}

	private static String firstLine(String text) {
		return text.lines().findFirst().orElse("");
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
