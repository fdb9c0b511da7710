package com.example.weather.batch.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts a chunk through a staging table: the chunk goes into a session-local {@code observation_stage}, then one
 * set-based {@code MERGE} inserts new days and updates changed ones, leaving identical rows (and the execution id
 * that last wrote them) untouched. Loading the same file twice writes nothing. The SQL after staging is the same
 * standard SQL on PostgreSQL and H2 ({@link IngestSql}).
 */
class StagingTableMerge {

	private final JdbcTemplate jdbcTemplate;

	private final ObservationBulkLoad bulkLoad;

	StagingTableMerge(JdbcTemplate jdbcTemplate, ObservationBulkLoad bulkLoad) {
		this.jdbcTemplate = jdbcTemplate;
		this.bulkLoad = bulkLoad;
	}

	/** What a merge wrote, and the years of the rows it inserted or changed. */
	record Merged(UpsertCounts counts, Set<Integer> touchedYears) {
	}

	/** Puts the chunk into the staging table, created on the connection's first chunk. */
	void stage(Connection connection, List<Observation> observations) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// ON COMMIT DELETE ROWS empties the table at the end of every chunk, committed or not.
			statement.execute(this.bulkLoad.createStage());
		}
		this.bulkLoad.stage(connection, observations);
	}

	/** Merges the staged chunk into {@code weather_observation}; writes nothing if nothing is new or changed. */
	Merged merge(long jobExecutionId) {
		long inserted = 0;
		long updated = 0;
		long unchanged = 0;
		Set<Integer> touched = new TreeSet<>();
		for (long[] year : this.jdbcTemplate.query(IngestSql.COUNT_STAGED_BY_YEAR,
				(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })) {
			long yearInserted = year[1] - year[2];
			inserted += yearInserted;
			updated += year[3];
			unchanged += year[2] - year[3];
			if (yearInserted + year[3] > 0) {
				touched.add((int) year[0]);
			}
		}
		if (touched.isEmpty()) {
			return new Merged(new UpsertCounts(0, 0, unchanged), touched);
		}
		long merged = this.jdbcTemplate.update(IngestSql.MERGE_STAGED, jobExecutionId, jobExecutionId);
		if (merged != inserted + updated) {
			throw new IllegalStateException("MERGE wrote " + merged + " rows, expected " + inserted
					+ " inserted and " + updated + " updated: is another process writing the same stations?");
		}
		return new Merged(new UpsertCounts(inserted, updated, unchanged), touched);
	}

}
