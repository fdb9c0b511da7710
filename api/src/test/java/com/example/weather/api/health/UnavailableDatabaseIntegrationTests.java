package com.example.weather.api.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.example.weather.api.support.LoadedWarehouse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the load balancer and clients see when the database is gone, or was never migrated by the job.
 */
class UnavailableDatabaseIntegrationTests {

	@Nested
	@SpringBootTest(properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:9/nowhere",
			"spring.datasource.hikari.connection-timeout=250" })
	@AutoConfigureMockMvc
	class WhenTheDatabaseIsUnreachable {

		@Autowired
		MockMvc mvc;

		@Test
		void healthIsServiceUnavailable() throws Exception {
			this.mvc.perform(get("/api/health"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("DOWN"));
		}

		@Test
		void theTaskIsUnreadyButAlive() throws Exception {
			this.mvc.perform(get("/actuator/health/readiness"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("DOWN"));
			this.mvc.perform(get("/actuator/health/liveness"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"));
			this.mvc.perform(get("/actuator/info")).andExpect(status().isOk());
		}

		@Test
		void dataRequestsAreServiceUnavailableProblems() throws Exception {
			this.mvc.perform(get("/api/weather"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().contentType("application/problem+json"))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(jsonPath("$.detail").value("The database is unavailable; try again later"));
		}

	}

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	class WhenTheJobNeverRan {

		static final String EMPTY_DATABASE = "weather_api_test_empty";

		@DynamicPropertySource
		static void emptyDatabase(DynamicPropertyRegistry registry) {
			LoadedWarehouse.execute(LoadedWarehouse.SERVER_URL + "postgres",
					"DROP DATABASE IF EXISTS " + EMPTY_DATABASE + " WITH (FORCE)", "CREATE DATABASE " + EMPTY_DATABASE);
			registry.add("spring.datasource.url", () -> LoadedWarehouse.SERVER_URL + EMPTY_DATABASE);
			registry.add("spring.datasource.username", () -> LoadedWarehouse.ADMIN_USER);
		}

		@Autowired
		MockMvc mvc;

		@Autowired
		DataSource dataSource;

		/** This context runs as the superuser, who may write anything: only the session settings stop it. */
		@Test
		void aWriteThroughTheApisOwnConnectionFailsEvenInAutocommitAndForAUserThatMayWrite() throws Exception {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(connection.getAutoCommit()).isTrue();
				try (ResultSet readOnly = statement.executeQuery("SHOW default_transaction_read_only")) {
					assertThat(readOnly.next()).isTrue();
					assertThat(readOnly.getString(1)).isEqualTo("on");
				}
				for (String write : new String[] { "CREATE TABLE written_by_the_api (id int)",
						"CREATE SCHEMA written_by_the_api" }) {
					assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute(write))
						.satisfies((ex) -> assertThat(ex.getSQLState()).as(write).isEqualTo("25006"));
				}
			}
		}

		@Test
		void healthIsUpWithoutALoad() throws Exception {
			this.mvc.perform(get("/api/health"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.last_load_execution_id").doesNotExist());
		}

		@Test
		void dataRequestsExplainThatTheJobMustRunFirst() throws Exception {
			for (String url : new String[] { "/api/weather", "/api/stations/ALPHA1", "/api/jobs" }) {
				this.mvc.perform(get(url))
					.andExpect(status().isServiceUnavailable())
					.andExpect(content().contentType("application/problem+json"))
					.andExpect(jsonPath("$.detail").value(containsString("run the ingest job")));
			}
		}

	}

}
