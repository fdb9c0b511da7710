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
import com.example.weather.batch.support.JobProcess;
import com.example.weather.batch.support.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong argument or setting stops the job with exit code 2 and the message, before it has touched anything: on a
 * new, empty database, not even the schema is created. Production settings never fall back to the development
 * defaults (embedded H2, bundled sample). One of each kind here; every check is in {@code IngestSettingsCheckTests}.
 */
class InvalidSettingsIntegrationTests {

	private static final String DATABASE = "weather_settings_test";

	private static final Path WORK = Path.of("target", "job-processes").toAbsolutePath();

	private static String url;

	@BeforeAll
	static void emptyDatabase() {
		url = TestPostgres.newDatabase(DATABASE);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			run.date=2999-01-01           |                              | run.date 2999-01-01 is in the future
			run.date=2026-11-24           | INGEST_CHUNK_SIZE=0          | ingest.chunk-size must be at least 1, was 0
			run.date=2026-11-24           | SPRING_PROFILES_ACTIVE=cloud | spring.datasource.url (SPRING_DATASOURCE_URL) is not set
			""")
	void givenAWrongArgumentOrSetting_whenTheJobStarts_thenItExits2WithTheMessageBeforeTouchingTheDatabase(
			String argument, String setting, String message) throws Exception {
		Map<String, String> environment = new HashMap<>();
		if (setting != null && setting.startsWith("SPRING_PROFILES_ACTIVE")) {
			// production: no database URL given at all
			environment.put("INGEST_INPUT", "s3://weather-files/nightly/");
		}
		else {
			environment.putAll(JobProcess.postgres(url));
			environment.put("INGEST_INPUT", "file:/nonexistent/");
		}
		if (setting != null) {
			environment.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
		}
		JobProcess job = JobProcess.start(WORK, environment, argument);

		assertThat(job.waitFor(Duration.ofSeconds(90))).as(job.log()).isEqualTo(IngestExitCode.INVALID_ARGUMENTS.code());
		assertThat(job.log()).contains(message).doesNotContain("\tat ");
		assertThat(tables()).as("nothing created").isZero();
	}

	private static long tables() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD);
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
			result.next();
			return result.getLong(1);
		}
	}

}
