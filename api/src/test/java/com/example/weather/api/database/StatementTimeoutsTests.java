package com.example.weather.api.database;

import java.time.Duration;

import com.example.weather.api.support.LoadedWarehouse;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every session of a pool {@link StatementTimeouts} set up bounds its statements: the database cancels a longer
 * one (SQLSTATE 57014, which the API answers with a 503), on PostgreSQL as on the embedded H2.
 */
class StatementTimeoutsTests {

	@Test
	void postgresqlCancelsAStatementThatRunsLongerThanTheBound() {
		try (HikariDataSource dataSource = pool(LoadedWarehouse.SERVER_URL + "postgres", Duration.ofMillis(300))) {
			dataSource.setUsername(LoadedWarehouse.ADMIN_USER);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("300ms");
			assertThat(jdbc.queryForObject("SHOW default_transaction_read_only", String.class)).isEqualTo("on");
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> jdbc.queryForObject("SELECT pg_sleep(5)", String.class))
				.satisfies((ex) -> assertThat(ex.getMostSpecificCause())
					.hasFieldOrPropertyWithValue("SQLState", "57014"));
		}
	}

	@Test
	void h2SessionsHaveTheBoundToo() {
		try (HikariDataSource dataSource = pool("jdbc:h2:mem:timeouts;MODE=PostgreSQL", Duration.ofSeconds(10))) {
			assertThat(new JdbcTemplate(dataSource).queryForObject(
					"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'",
					String.class))
				.isEqualTo("10000");
		}
	}

	@Test
	void aBoundMustBePositive() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new StatementTimeouts(Duration.ZERO))
			.withMessageContaining("weather.api.query-timeout");
	}

	/** A pool as the application's is set up: read-only sessions, then the bound. */
	private static HikariDataSource pool(String url, Duration timeout) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setMaximumPoolSize(1);
		new ReadOnlySessions().postProcessAfterInitialization(dataSource, "dataSource");
		new StatementTimeouts(timeout).postProcessAfterInitialization(dataSource, "dataSource");
		return dataSource;
	}

}
