package com.example.weather.batch;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AsynchronousCommitTests {

	@Test
	void givenPostgres_whenThePoolIsCreated_thenItsConnectionsCommitAsynchronously() {
		assertThat(initSql("jdbc:postgresql://db:5432/weather", new MockEnvironment()))
			.isEqualTo("SET synchronous_commit = off");
	}

	@Test
	void givenSynchronousCommitAskedFor_whenThePoolIsCreated_thenItIsLeftAlone() {
		assertThat(initSql("jdbc:postgresql://db:5432/weather",
				new MockEnvironment().withProperty("ingest.synchronous-commit", "true")))
			.isNull();
	}

	@Test
	void givenEmbeddedH2_whenThePoolIsCreated_thenItIsLeftAlone() {
		assertThat(initSql("jdbc:h2:file:./data/weather", new MockEnvironment())).isNull();
	}

	private static String initSql(String url, MockEnvironment environment) {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(url);
			new AsynchronousCommit(environment).postProcessBeforeInitialization(pool, "dataSource");
			return pool.getConnectionInitSql();
		}
	}

}
