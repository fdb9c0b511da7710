package com.example.weather.changelog;

import java.util.regex.Pattern;

/**
 * The prefix of the Spring Batch tables, {@code spring.batch.jdbc.table-prefix}: the changelog creates the tables,
 * sequences and indexes with it ({@code ${batchTablePrefix}}), and the job and the API put it into SQL as it is. So
 * it is a name's start, without a schema (an index takes its table's schema and cannot be named with one).
 */
public final class BatchTablePrefix {

	/** The property the job, its changelog and the API read it from. */
	public static final String PROPERTY = "spring.batch.jdbc.table-prefix";

	private static final Pattern NAME_START = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private BatchTablePrefix() {
	}

	/** Throws {@link IllegalArgumentException}, saying why, unless {@code prefix} can name the tables. */
	public static void check(String prefix) {
		if (prefix == null || !NAME_START.matcher(prefix).matches()) {
			throw new IllegalArgumentException(("Invalid setting %s=%s: the job repository's tables are named with it "
					+ "(%sJOB_INSTANCE, ...), so it takes letters, digits and underscores only, without a schema")
				.formatted(PROPERTY, prefix, prefix));
		}
	}

}
