package com.example.weather.api.jobs;

import java.util.regex.Pattern;

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

	/**
	 * The start of a table name, as the job accepts it (its changelog names the tables with it): it goes into the
	 * SQL as it is, so nothing else may.
	 */
	private static final Pattern TABLE_NAME_PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	JobRepositoryTables {
		if (!TABLE_NAME_PREFIX.matcher(tablePrefix).matches()) {
			throw new IllegalArgumentException("spring.batch.jdbc.table-prefix names the job repository's tables ("
					+ tablePrefix + "JOB_EXECUTION, ...), so it takes letters, digits and underscores only, was '"
					+ tablePrefix + "'");
		}
	}

	/** {@code sql} with the job repository's tables named: the prefix in place of every {@value #PREFIX}. */
	String query(String sql) {
		return sql.replace(PREFIX, this.tablePrefix);
	}

}
