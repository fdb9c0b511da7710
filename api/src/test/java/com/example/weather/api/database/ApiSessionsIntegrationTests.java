package com.example.weather.api.database;

import javax.sql.DataSource;

import com.example.weather.api.support.WarehouseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions of the pool requests share, as the application sets them up: read-only, and every statement
 * bounded by {@code weather.api.query-timeout} (10 s by default).
 */
@WarehouseTest
class ApiSessionsIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void sessionsAreReadOnlyAndBounded() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("SHOW default_transaction_read_only", String.class)).isEqualTo("on");
		assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("10s");
	}

}
