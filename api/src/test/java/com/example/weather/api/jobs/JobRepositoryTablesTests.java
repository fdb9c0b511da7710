package com.example.weather.api.jobs;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Where the API looks for the job repository's tables: where the job has them, by the job's own property, which
 * takes what the job takes.
 */
class JobRepositoryTablesTests {

	@Test
	void withoutThePropertyTheTablesAreSpringBatchsOwn() {
		JobRepositoryTables tables = Binder.get(new StandardEnvironment())
			.bindOrCreate("spring.batch.jdbc", JobRepositoryTables.class);
		assertThat(tables.query("SELECT * FROM %PREFIX%JOB_EXECUTION")).isEqualTo("SELECT * FROM BATCH_JOB_EXECUTION");
	}

	@Test
	void thePrefixIsTheJobsProperty() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of("spring.batch.jdbc.table-prefix", "WX_")));
		JobRepositoryTables tables = binder.bindOrCreate("spring.batch.jdbc", JobRepositoryTables.class);
		assertThat(tables.query("FROM %PREFIX%JOB_EXECUTION e JOIN %PREFIX%JOB_INSTANCE i"))
			.isEqualTo("FROM WX_JOB_EXECUTION e JOIN WX_JOB_INSTANCE i");
	}

	@Test
	void thePrefixIsTheJobsEnvironmentVariable() {
		Binder binder = new Binder(ConfigurationPropertySources
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("SPRING_BATCH_JDBC_TABLEPREFIX", "WX_"))));
		assertThat(binder.bindOrCreate("spring.batch.jdbc", JobRepositoryTables.class).tablePrefix()).isEqualTo("WX_");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "BATCH_ ", "x; DROP TABLE t; --", "batch.BATCH_", "\"Batch\"_", "BATCH-", "1_" })
	void aPrefixTheJobWouldRefuseIsRefused(String prefix) {
		assertThatIllegalArgumentException().isThrownBy(() -> new JobRepositoryTables(prefix))
			.withMessageContaining("spring.batch.jdbc.table-prefix");
	}

}
