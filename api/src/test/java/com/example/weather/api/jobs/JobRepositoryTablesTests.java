package com.example.weather.api.jobs;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Where the API looks for the job repository's tables: where Spring Batch puts them, by the job's property.
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
				Map.of("spring.batch.jdbc.table-prefix", "batch.WX_")));
		JobRepositoryTables tables = binder.bindOrCreate("spring.batch.jdbc", JobRepositoryTables.class);
		assertThat(tables.query("FROM %PREFIX%JOB_EXECUTION e JOIN %PREFIX%JOB_INSTANCE i"))
			.isEqualTo("FROM batch.WX_JOB_EXECUTION e JOIN batch.WX_JOB_INSTANCE i");
	}

	@ParameterizedTest
	@ValueSource(strings = { "BATCH_ ", "x; DROP TABLE t; --", "a.b.c_", "\"Batch\".BATCH_", "BATCH-" })
	void aPrefixThatCannotStartATableNameIsRefused(String prefix) {
		assertThatIllegalArgumentException().isThrownBy(() -> new JobRepositoryTables(prefix))
			.withMessageContaining("spring.batch.jdbc.table-prefix");
	}

}
