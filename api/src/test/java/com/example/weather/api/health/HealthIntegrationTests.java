package com.example.weather.api.health;

import com.example.weather.api.support.LoadedWarehouse;
import com.example.weather.api.support.WarehouseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WarehouseTest
class HealthIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void isUpWithTheLoadTheDataComesFrom() throws Exception {
		this.mvc.perform(get("/api/health"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.database").value("UP"))
			.andExpect(jsonPath("$.last_load_execution_id").value(2));
	}

	@Test
	void livenessIsTheProcessAndReadinessTheDatabaseAndInfoTheBuildAndLastLoad() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/info"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.build.artifact").value("api"))
			.andExpect(jsonPath("$.last_load.execution_id").value(2));
	}

	@Test
	void nothingElseOfActuatorIsExposed() throws Exception {
		for (String endpoint : new String[] { "env", "beans", "configprops", "metrics", "heapdump", "threaddump",
				"loggers", "mappings", "shutdown" }) {
			this.mvc.perform(get("/actuator/" + endpoint)).andExpect(status().isNotFound());
		}
	}

	@Test
	void runsAsAUserThatCanOnlyRead() {
		assertThat(this.jdbcTemplate.queryForObject("SELECT current_user", String.class))
			.isEqualTo(LoadedWarehouse.READER);
		assertThatException().isThrownBy(() -> this.jdbcTemplate.update("DELETE FROM weather_station"));
	}

}
