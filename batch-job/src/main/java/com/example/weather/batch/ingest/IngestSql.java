package com.example.weather.batch.ingest;

/**
 * The SQL of the {@code ingestFile} step, all of it: what it writes to {@code weather_observation} (straight, or
 * through a staging table and a {@code MERGE}), {@code ingest_reject} and {@code ingest_file}. Standard SQL that runs
 * on PostgreSQL and on H2 in PostgreSQL mode, except where a statement is named for its database. Each statement is
 * a constant, built once: the write path runs them at every chunk.
 */
final class IngestSql {

	/** The observation columns, in the order both bulk loads send them. */
	private static final String OBSERVATION_COLUMNS = "station_id, observation_date, max_temp, min_temp, "
			+ "precipitation, quality_flags";

	// ObservationUpsert: a station without rows yet takes the bulk load straight into the table, with the execution
	// that wrote each row; any other goes through the staging table and the MERGE.

	// In the primary key's order, so that the plan is always the index: without it, a generic plan cached while the
	// table was small (after an early autovacuum ANALYZE) could scan the table for a first match, which for a new
	// station (no match) meant reading every row loaded so far, once per file.
	static final String STATION_HAS_ROWS = "SELECT 1 FROM weather_observation WHERE station_id = ? "
			+ "ORDER BY observation_date FETCH FIRST 1 ROWS ONLY";

	private static final String OBSERVATIONS = "weather_observation (" + OBSERVATION_COLUMNS + ", job_execution_id)";

	private static final String STAGE = "observation_stage (" + OBSERVATION_COLUMNS + ")";

	// PostgresBinaryCopy, on PostgreSQL

	static final String COPY_INTO_OBSERVATIONS = "COPY " + OBSERVATIONS + " FROM STDIN (FORMAT binary)";

	static final String COPY_INTO_STAGE = "COPY " + STAGE + " FROM STDIN (FORMAT binary)";

	// JdbcBatchInsert, on H2

	static final String INSERT_INTO_OBSERVATIONS = "INSERT INTO " + OBSERVATIONS + " VALUES (?, ?, ?, ?, ?, ?, ?)";

	static final String INSERT_INTO_STAGE = "INSERT INTO " + STAGE + " VALUES (?, ?, ?, ?, ?, ?)";

	// StagingTableMerge: the staging table is session-local, created on a connection's first chunk, and emptied at the
	// end of every transaction, committed or not (ON COMMIT DELETE ROWS).

	private static final String STAGE_DEFINITION = """
			observation_stage (station_id VARCHAR(20), observation_date DATE, max_temp INTEGER, min_temp INTEGER,
			 precipitation INTEGER, quality_flags VARCHAR(200))""";

	static final String CREATE_STAGE_POSTGRES = "CREATE TEMPORARY TABLE IF NOT EXISTS " + STAGE_DEFINITION
			+ " ON COMMIT DELETE ROWS";

	// TRANSACTIONAL: H2 would otherwise commit the chunk's open transaction on DDL
	static final String CREATE_STAGE_H2 = "CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + STAGE_DEFINITION
			+ " ON COMMIT DELETE ROWS TRANSACTIONAL";

	/** A staged row whose day is in the table with other values. */
	private static final String CHANGED = """
			(o.max_temp IS DISTINCT FROM s.max_temp
			  OR o.min_temp IS DISTINCT FROM s.min_temp
			  OR o.precipitation IS DISTINCT FROM s.precipitation
			  OR o.quality_flags IS DISTINCT FROM s.quality_flags)""";

	/**
	 * Per year of the staged chunk: its rows, those whose day exists, and those of them that changed. Counted before
	 * the MERGE, which reports only how many rows it touched: not which were new, nor their years.
	 */
	static final String COUNT_STAGED_BY_YEAR = """
			SELECT CAST(EXTRACT(YEAR FROM s.observation_date) AS INTEGER),
			       COUNT(*),
			       COUNT(o.station_id),
			       COUNT(CASE WHEN o.station_id IS NOT NULL AND %s THEN 1 END)
			FROM observation_stage s
			LEFT JOIN weather_observation o
			       ON o.station_id = s.station_id AND o.observation_date = s.observation_date
			GROUP BY CAST(EXTRACT(YEAR FROM s.observation_date) AS INTEGER)
			""".formatted(CHANGED);

	/** Inserts the new days and updates the changed ones; the job execution id is bound twice. */
	static final String MERGE_STAGED = """
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

	// RejectLog

	static final String INSERT_REJECT = """
			INSERT INTO ingest_reject (job_execution_id, file_name, line_number, line, line_truncated, line_length,
			                           reason_code, reason)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

	// IngestFileManifest: the loaded file's columns are bound in the same order in both statements, location last

	static final String LOADED_FILES = "SELECT location, size_bytes, last_modified, fingerprint, job_execution_id "
			+ "FROM ingest_file";

	static final String UPDATE_LOADED_FILE = "UPDATE ingest_file SET station_id = ?, size_bytes = ?, "
			+ "last_modified = ?, fingerprint = ?, job_execution_id = ?, loaded_at = ? WHERE location = ?";

	static final String INSERT_LOADED_FILE = "INSERT INTO ingest_file (station_id, size_bytes, last_modified, "
			+ "fingerprint, job_execution_id, loaded_at, location) VALUES (?, ?, ?, ?, ?, ?, ?)";

	private IngestSql() {
	}

}
