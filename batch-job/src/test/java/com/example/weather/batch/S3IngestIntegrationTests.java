package com.example.weather.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import com.example.weather.batch.launch.IngestArguments;
import com.example.weather.batch.launch.IngestExitCode;
import com.example.weather.batch.launch.IngestLauncher;
import com.example.weather.batch.support.Blocker;
import com.example.weather.batch.support.S3MockServer;
import com.example.weather.batch.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Station files read from an S3 bucket through the real AWS SDK and spring-cloud-aws, configured only with the
 * standard {@code spring.cloud.aws.*} properties, as any S3-compatible server would be.
 */
@SpringBootTest(properties = { "ingest.run-on-startup=false", "ingest.input=s3://weather-files/nightly/",
		// one file at a time, in station order: a test holds the first while it rewrites the next
		"ingest.concurrency=1",
		"spring.cloud.aws.s3.path-style-access-enabled=true", "spring.cloud.aws.region.static=us-east-1",
		"spring.cloud.aws.credentials.access-key=" + S3MockServer.ACCESS_KEY,
		"spring.cloud.aws.credentials.secret-key=" + S3MockServer.SECRET_KEY })
class S3IngestIntegrationTests {

	private static final String DATABASE_URL = TestPostgres.database("weather_s3_test");

	private static final S3MockServer s3 = start();

	@Autowired
	private IngestLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE_URL);
		registry.add("spring.datasource.username", () -> TestPostgres.USER);
		registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
		registry.add("spring.cloud.aws.s3.endpoint", s3::endpoint);
	}

	@AfterAll
	static void stopS3() throws InterruptedException {
		s3.close();
	}

	@Test
	void givenStationFilesInABucket_whenTheJobRuns_thenTheyAreStreamedAndLoaded() throws IOException {
		this.jdbc.execute("TRUNCATE weather_observation, ingest_file, ingest_touched_year, batch_step_execution_context, batch_job_execution_context, "
				+ "batch_step_execution, batch_job_execution_params, batch_job_execution, batch_job_instance");
		try (S3Client client = s3.client()) {
			emptyBucket(client);
			put(client, "nightly/ALPHA.txt", "20130101\t  100\t   10\t   50\n20130102\t  200\t  -10\t    0\n"
				.getBytes(StandardCharsets.UTF_8));
			put(client, "nightly/BRAVO.txt.gz", gzip("20150601\t  300\t  150\t-9999\n"));
			put(client, "nightly/notes.csv", "ignored".getBytes(StandardCharsets.UTF_8));
			put(client, "elsewhere/CHARLIE.txt", "20150601\t  300\t  150\t-9999\n".getBytes(StandardCharsets.UTF_8));
		}

		IngestExitCode exit = this.launcher.launch(new IngestArguments(LocalDate.parse("2026-11-24")));

		assertThat(exit).isEqualTo(IngestExitCode.COMPLETED);
		assertThat(this.jdbc.queryForList(
				"SELECT station_id || ' ' || observation_date || ' ' || max_temp FROM weather_observation ORDER BY 1",
				String.class))
			.containsExactly("ALPHA 2013-01-01 100", "ALPHA 2013-01-02 200", "BRAVO 2015-06-01 300");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void givenAnObjectRewrittenAfterItWasListed_whenItIsRead_thenItFails_andTheRerunReadsItsNewVersion(
			CapturedOutput output) throws Exception {
		this.jdbc.execute("TRUNCATE weather_observation, weather_station, weather_yearly_stats, ingest_file, "
				+ "ingest_touched_year, batch_step_execution_context, batch_job_execution_context, "
				+ "batch_step_execution, batch_job_execution_params, batch_job_execution, batch_job_instance");
		try (S3Client client = s3.client()) {
			emptyBucket(client);
			put(client, "nightly/AAA.txt", "20130101\t  100\t   10\t   50\n".getBytes(StandardCharsets.UTF_8));
			put(client, "nightly/BBB.txt", "20130101\t  100\t   10\t   50\n".getBytes(StandardCharsets.UTF_8));
			try (Connection control = DriverManager.getConnection(DATABASE_URL, TestPostgres.USER,
					TestPostgres.PASSWORD)) {
				Blocker blocker = new Blocker(control);
				blocker.holdAt("AAA", "2013-01-01");
				CompletableFuture<IngestExitCode> running = CompletableFuture
					.supplyAsync(() -> this.launcher.launch(new IngestArguments(LocalDate.parse("2026-11-24"))));
				blocker.awaitHeld(Duration.ofSeconds(60));

				put(client, "nightly/BBB.txt", ("20130101\t  100\t   10\t   50\n20130102\t  200\t  -10\t    0\n")
					.getBytes(StandardCharsets.UTF_8));
				blocker.remove();
				assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo(IngestExitCode.NOT_COMPLETED);
			}
		}
		assertThat(output).contains("BBB.txt: FAILED, 0 lines read").contains("BBB.txt: changed since it was listed");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM weather_observation", Long.class)).isEqualTo(1);

		assertThat(this.launcher.launch(new IngestArguments(LocalDate.parse("2026-11-24"))))
			.isEqualTo(IngestExitCode.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT station_id || ' ' || observation_date FROM weather_observation "
				+ "ORDER BY 1", String.class))
			.containsExactly("AAA 2013-01-01", "BBB 2013-01-01", "BBB 2013-01-02");
	}

	private static void emptyBucket(S3Client client) {
		if (client.listBuckets().buckets().stream().noneMatch((bucket) -> bucket.name().equals("weather-files"))) {
			client.createBucket((bucket) -> bucket.bucket("weather-files"));
		}
		for (var object : client.listObjectsV2((list) -> list.bucket("weather-files")).contents()) {
			client.deleteObject((delete) -> delete.bucket("weather-files").key(object.key()));
		}
	}

	private static void put(S3Client client, String key, byte[] content) {
		client.putObject((request) -> request.bucket("weather-files").key(key), RequestBody.fromBytes(content));
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static S3MockServer start() {
		try {
			return S3MockServer.start();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException("Could not start S3Mock", ex);
		}
	}

}
