package com.example.weather.batch.launch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The checks made before any bean exists; that a refused run exits 2 having touched nothing is
 * {@code InvalidSettingsIntegrationTests}'.
 */
class IngestSettingsCheckTests {

	private final IngestSettingsCheck check = new IngestSettingsCheck(
			Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC));

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			run.date=24/11/2026           |                              | run.date must be an ISO date (YYYY-MM-DD) or an ISO date-time with an offset (YYYY-MM-DDTHH:MM:SSZ), got '24/11/2026'
			run.date=2026-11-25T02:00:00  |                              | got '2026-11-25T02:00:00'
			run.date=2026-11-26T00:00:00Z |                              | run.date 2026-11-26 is in the future
			run.date=                     |                              | run.date is empty
			rundate=2026-11-24            |                              | Unknown job parameter 'rundate'
			run.date=2026-11-24           | ingest.chunk-size=0          | ingest.chunk-size must be at least 1, was 0
			run.date=2026-11-24           | ingest.concurrency=two       | Invalid setting ingest.concurrency=two
			run.date=2026-11-24           | ingest.reject-limit=-1       | ingest.reject-limit must not be negative, was -1
			run.date=2026-11-24           | spring.profiles.active=cloud | spring.datasource.url (SPRING_DATASOURCE_URL) is not set
			run.date=2026-11-24           | spring.batch.jdbc.table-prefix=batch.BATCH_ | Invalid setting spring.batch.jdbc.table-prefix=batch.BATCH_: the job repository's tables are named with it (batch.BATCH_JOB_INSTANCE, ...), so it takes letters, digits and underscores only, without a schema
			run.date=2026-11-24           | spring.batch.jdbc.table-prefix=WX-BATCH_    | Invalid setting spring.batch.jdbc.table-prefix=WX-BATCH_
			run.date=2026-11-24           | spring.batch.jdbc.table-prefix=             | Invalid setting spring.batch.jdbc.table-prefix=:
			""")
	void givenAWrongArgumentOrSetting_whenChecked_thenItIsRefusedWithExitCode2AndTheMessage(String argument,
			String setting, String message) {
		Map<String, Object> properties = new HashMap<>(Map.of("ingest.input", "file:/data/"));
		if (setting != null) {
			properties.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
		}

		assertThatExceptionOfType(InvalidSettingsException.class).isThrownBy(() -> check(properties, argument))
			.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(2))
			.withMessageContaining(message);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			cloud, no input location   | cloud | spring.datasource.url=jdbc:postgresql://db/weather | ingest.input (INGEST_INPUT) is not set
			no profile, no input       |       | ingest.input=                                     | ingest.input (INGEST_INPUT) is not set
			""")
	void givenAMissingInputLocation_whenChecked_thenItIsRefused(String what, String profile, String setting,
			String message) {
		Map<String, Object> properties = new HashMap<>();
		properties.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
		if (profile != null) {
			properties.put("spring.profiles.active", profile);
		}

		assertThatExceptionOfType(InvalidSettingsException.class)
			.isThrownBy(() -> check(properties, "run.date=2026-11-24"))
			.withMessageContaining(message);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			local profile, nothing else |  local | ingest.input=classpath:sample-data/
			cloud profile, all set      |  cloud | spring.datasource.url=jdbc:postgresql://db/weather
			a table prefix of its own   |  local | spring.batch.jdbc.table-prefix=WX_BATCH_
			""")
	void givenCompleteSettings_whenChecked_thenTheJobMayStart(String what, String profile, String setting) {
		Map<String, Object> properties = new HashMap<>(Map.of("ingest.input", "s3://bucket/prefix/",
				"spring.profiles.active", profile));
		properties.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));

		check(properties, "run.date=2026-11-24");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			run.date=2026-11-25T02:00:00Z
			run.date=2026-11-25
			""")
	void givenTheSchedulesScheduledTimeOrADate_whenChecked_thenTheJobMayStart(String argument) {
		check(new HashMap<>(Map.of("ingest.input", "s3://bucket/prefix/", "spring.profiles.active", "cloud",
				"spring.datasource.url", "jdbc:postgresql://db/weather")), argument);
	}

	private void check(Map<String, Object> properties, String argument) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		if (properties.containsKey("spring.profiles.active")) {
			environment.setActiveProfiles(properties.get("spring.profiles.active").toString());
		}
		this.check.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
				new SpringApplication(), new String[] { argument }, environment));
	}

}
