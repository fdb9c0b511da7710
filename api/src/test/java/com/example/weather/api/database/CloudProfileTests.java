package com.example.weather.api.database;

import java.util.Arrays;

import com.example.weather.api.WeatherApiApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Production never falls back to the development database: with the cloud profile and no database URL (or the
 * embedded H2 one) the API stops at start, saying what to set. Without a profile the embedded default stays
 * (EmbeddedH2IntegrationTests).
 */
class CloudProfileTests {

	@Test
	void withoutADatabaseUrlTheCloudProfileRefusesToStart() {
		assertThatException().isThrownBy(() -> start("--spring.datasource.url="))
			.withStackTraceContaining("The cloud profile needs the warehouse's PostgreSQL database")
			.withStackTraceContaining("SPRING_DATASOURCE_URL");
	}

	@Test
	void withTheEmbeddedDevelopmentDatabaseTheCloudProfileRefusesToStart() {
		assertThatException().isThrownBy(() -> start("--spring.datasource.url=jdbc:h2:mem:weather"))
			.withStackTraceContaining("the embedded development database");
	}

	private static void start(String... arguments) {
		String[] withPlainLogs = Arrays.copyOf(arguments, arguments.length + 1);
		// the profile's JSON log lines would stay on for every later test in this JVM
		withPlainLogs[arguments.length] = "--logging.structured.format.console=";
		new SpringApplicationBuilder(WeatherApiApplication.class).profiles("cloud")
			.web(WebApplicationType.NONE)
			.run(withPlainLogs)
			.close();
	}

}
