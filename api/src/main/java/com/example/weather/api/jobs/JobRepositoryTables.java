package com.example.weather.api.jobs;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Spring Batch job repository's tables are, bound from the property the job is configured with
 * ({@code spring.batch.jdbc.table-prefix}; environment {@code SPRING_BATCH_JDBC_TABLE_PREFIX}), so that the API
 * reads the tables the job writes. As in Spring Batch, the prefix is put in front of {@code JOB_EXECUTION},
 * {@code STEP_EXECUTION}, ...: {@code BATCH_} by default, {@code other_schema.BATCH_} for tables in another schema.
 *
 * @param tablePrefix the prefix of the job repository's table names
 */
@ConfigurationProperties("spring.batch.jdbc")
record JobRepositoryTables(@DefaultValue("BATCH_") String tablePrefix) {

	/** Where a query names the prefix, as in Spring Batch's own queries. */
	static final String PREFIX = "%PREFIX%";

	/** Names, optionally schema-qualified: it goes into SQL as it is, so nothing else may. */
	private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_$]*\\.)?[A-Za-z0-9_$]*");

	JobRepositoryTables {
		if (!QUALIFIED_NAME.matcher(tablePrefix).matches()) {
			throw new IllegalArgumentException("spring.batch.jdbc.table-prefix must be the start of a table name, "
					+ "optionally after a schema and a dot (like BATCH_ or batch.BATCH_), was '" + tablePrefix + "'");
		}
	}

	/** {@code sql} with the job repository's tables named: the prefix in place of every {@value #PREFIX}. */
	String query(String sql) {
		return sql.replace(PREFIX, this.tablePrefix);
	}

}
