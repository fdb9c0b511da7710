package com.example.weather.batch.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Loads a chunk of observations into {@code weather_observation}: the chunk goes into a session-local staging
 * table, then one set-based {@code MERGE} inserts new days and updates changed ones, leaving identical rows (and
 * the execution id that last wrote them) untouched. Loading the same file twice therefore writes nothing.
 * <p>
 * Everything runs on the chunk's transactional connection, so a failed chunk leaves no trace. On PostgreSQL the
 * staging table is filled with {@code COPY}, on other databases (H2) with a JDBC batch; the SQL after that is the
 * same standard SQL on both.
 */
public class ObservationUpsert {

	private static final String CHANGED = """
			(o.max_temp IS DISTINCT FROM s.max_temp
			  OR o.min_temp IS DISTINCT FROM s.min_temp
			  OR o.precipitation IS DISTINCT FROM s.precipitation
			  OR o.quality_flags IS DISTINCT FROM s.quality_flags)""";

	// Counted before the MERGE, which reports only how many rows it touched, not which were new.
	private static final String COUNT_EXISTING_AND_CHANGED = """
			SELECT COUNT(o.station_id),
			       COUNT(CASE WHEN o.station_id IS NOT NULL AND %s THEN 1 END)
			FROM observation_stage s
			LEFT JOIN weather_observation o
			       ON o.station_id = s.station_id AND o.observation_date = s.observation_date
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

	private static final String STAGE_COLUMNS = """
			(station_id VARCHAR(20), observation_date DATE, max_temp INTEGER, min_temp INTEGER,
			 precipitation INTEGER, quality_flags VARCHAR(200))""";

	private final DataSource dataSource;

	private final JdbcTemplate jdbcTemplate;

	private final boolean postgres;

	public ObservationUpsert(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.postgres = Boolean.TRUE.equals(this.jdbcTemplate
			.execute((Connection connection) -> connection.isWrapperFor(PGConnection.class)));
	}

	public UpsertCounts upsert(List<Observation> observations, long jobExecutionId) {
		if (observations.isEmpty()) {
			return UpsertCounts.NONE;
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			stage(connection, observations);
			long[] existingAndChanged = this.jdbcTemplate.queryForObject(COUNT_EXISTING_AND_CHANGED,
					(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) });
			long merged = this.jdbcTemplate.update(MERGE, jobExecutionId, jobExecutionId);
			long existing = existingAndChanged[0];
			long updated = existingAndChanged[1];
			long inserted = observations.size() - existing;
			if (merged != inserted + updated) {
				throw new IllegalStateException("MERGE wrote " + merged + " rows, expected " + inserted
						+ " inserted and " + updated + " updated: is another process writing the same stations?");
			}
			return new UpsertCounts(inserted, updated, existing - updated);
		}
		catch (SQLException | IOException ex) {
			throw new DataAccessResourceFailureException("Could not stage observations", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private void stage(Connection connection, List<Observation> observations) throws SQLException, IOException {
		try (Statement statement = connection.createStatement()) {
			// ON COMMIT DELETE ROWS empties the table at the end of every chunk, committed or not.
			statement.execute(this.postgres
					? "CREATE TEMPORARY TABLE IF NOT EXISTS observation_stage " + STAGE_COLUMNS
							+ " ON COMMIT DELETE ROWS"
					// TRANSACTIONAL: H2 would otherwise commit the chunk's open transaction on DDL
					: "CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS observation_stage " + STAGE_COLUMNS
							+ " ON COMMIT DELETE ROWS TRANSACTIONAL");
		}
		if (this.postgres) {
			copy(connection.unwrap(PGConnection.class), observations);
		}
		else {
			insertBatch(connection, observations);
		}
	}

	private static void copy(PGConnection connection, List<Observation> observations) throws SQLException {
		StringBuilder rows = new StringBuilder(observations.size() * 48);
		for (Observation o : observations) {
			rows.append(o.stationId()).append('\t').append(o.date()).append('\t');
			appendNullable(rows, o.maxTemp()).append('\t');
			appendNullable(rows, o.minTemp()).append('\t');
			appendNullable(rows, o.precipitation()).append('\t');
			appendNullable(rows, o.qualityFlags()).append('\n');
		}
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		CopyIn copy = connection.getCopyAPI().copyIn("COPY observation_stage FROM STDIN");
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private static StringBuilder appendNullable(StringBuilder rows, Object value) {
		return (value != null) ? rows.append(value) : rows.append("\\N");
	}

	private static void insertBatch(Connection connection, List<Observation> observations) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO observation_stage VALUES (?, ?, ?, ?, ?, ?)")) {
			for (Observation o : observations) {
				insert.setString(1, o.stationId());
				insert.setObject(2, o.date());
				setNullableInt(insert, 3, o.maxTemp());
				setNullableInt(insert, 4, o.minTemp());
				setNullableInt(insert, 5, o.precipitation());
				insert.setString(6, o.qualityFlags());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
		if (value != null) {
			statement.setInt(index, value);
		}
		else {
			statement.setNull(index, Types.INTEGER);
		}
	}

}
