package com.example.weather.api.jobs;

import com.example.weather.changelog.BatchTablePrefix;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Spring Batch job repository's tables are, bound from the property the job is configured with
 * ({@code spring.batch.jdbc.table-prefix}; environment {@code SPRING_BATCH_JDBC_TABLEPREFIX}), so that the API
 * reads the tables the job writes. As in Spring Batch, the prefix is put in front of {@code JOB_EXECUTION},
 * {@code STEP_EXECUTION}, ...: {@code BATCH_} by default.
 *
 * @param tablePrefix the prefix of the job repository's table names
 */
@ConfigurationProperties("spring.batch.jdbc")
record JobRepositoryTables(@DefaultValue("BATCH_") String tablePrefix) {

	/** Where a query names the prefix, as in Spring Batch's own queries. */
	static final String PREFIX = "%PREFIX%";

	JobRepositoryTables {
		// it goes into the SQL as it is, so it must be what the changelog named the tables with
		BatchTablePrefix.check(tablePrefix);
	}

	/** {@code sql} with the job repository's tables named: the prefix in place of every {@value #PREFIX}. */
	String query(String sql) {
		return sql.replace(PREFIX, this.tablePrefix);
	}

}
