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
 * standard SQL on PostgreSQL and H2.
 */
class StagingTableMerge {

	private static final String STAGE = "observation_stage";

	private static final String STAGE_COLUMNS = """
			(station_id VARCHAR(20), observation_date DATE, max_temp INTEGER, min_temp INTEGER,
			 precipitation INTEGER, quality_flags VARCHAR(200))""";

	private static final String CHANGED = """
			(o.max_temp IS DISTINCT FROM s.max_temp
			  OR o.min_temp IS DISTINCT FROM s.min_temp
			  OR o.precipitation IS DISTINCT FROM s.precipitation
			  OR o.quality_flags IS DISTINCT FROM s.quality_flags)""";

	// Counted before the MERGE, which reports only how many rows it touched: not which were new, nor their years.
	private static final String COUNT_BY_YEAR = """
			SELECT CAST(EXTRACT(YEAR FROM s.observation_date) AS INTEGER),
			       COUNT(*),
			       COUNT(o.station_id),
			       COUNT(CASE WHEN o.station_id IS NOT NULL AND %s THEN 1 END)
			FROM observation_stage s
			LEFT JOIN weather_observation o
			       ON o.station_id = s.station_id AND o.observation_date = s.observation_date
			GROUP BY CAST(EXTRACT(YEAR FROM s.observation_date) AS INTEGER)
			""".formatted(CHANGED);

	private static final String MERGE = """
			MERGE INTO weather_observation o
			USING observation_stage s
			   ON o.station_id = s.station_id AND o.observation_date = s.observation_date
			WHEN MATCHED AND %s THEN
			  UPDATE SET max_temp = s.max_temp, min_temp = s.min_temp, precipitation = s.precipitation,
			             quality_flags = s.quality_flags, job_execution_id = ?
			WHEN NOT MATCHED THEN
			  INSERT (station_id, observation_date, max_temp, min_temp, precipitation, quality_flags, job_execution_id)
			  VALUES (s.station_id, s.observation_date, s.max_temp, s.min_temp, s.precipitation, s.quality_flags, ?)
			""".formatted(CHANGED);

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
			statement.execute(this.bulkLoad.createTemporaryTable(STAGE, STAGE_COLUMNS));
		}
		this.bulkLoad.load(connection, STAGE + " (" + ObservationBulkLoad.COLUMNS + ")", observations, null);
	}

	/** Merges the staged chunk into {@code weather_observation}; writes nothing if nothing is new or changed. */
	Merged merge(long jobExecutionId) {
		long inserted = 0;
		long updated = 0;
		long unchanged = 0;
		Set<Integer> touched = new TreeSet<>();
		for (long[] year : this.jdbcTemplate.query(COUNT_BY_YEAR,
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
		long merged = this.jdbcTemplate.update(MERGE, jobExecutionId, jobExecutionId);
		if (merged != inserted + updated) {
			throw new IllegalStateException("MERGE wrote " + merged + " rows, expected " + inserted
					+ " inserted and " + updated + " updated: is another process writing the same stations?");
		}
		return new Merged(new UpsertCounts(inserted, updated, unchanged), touched);
	}

}
