package com.example.weather.batch.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of one station's observations into {@code weather_observation}, and records the station-years it
 * inserted or changed in {@code ingest_touched_year}: their statistics are out of date until refreshed. Everything
 * runs on the chunk's transactional connection, so a failed chunk leaves no trace.
 * <p>
 * Two ways in:
 * <ul>
 * <li>{@link #insertNew} for a station with no rows yet (a first load): the rows go straight into the table, by
 * {@code COPY} on PostgreSQL, a JDBC batch elsewhere. This is what makes a full load run at {@code COPY} speed.
 * <li>{@link #merge} otherwise: the chunk goes into a session-local staging table, then one set-based
 * {@code MERGE} inserts new days and updates changed ones, leaving identical rows (and the execution id that last
 * wrote them) untouched. Loading the same file twice writes nothing. The SQL after staging is the same standard
 * SQL on PostgreSQL and H2.
 * </ul>
 */
public class ObservationUpsert {

	private static final String COLUMNS = "station_id, observation_date, max_temp, min_temp, precipitation, quality_flags";

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

	/** Whether the station has any row yet; if not, its file can take the {@link #insertNew} path. */
	public boolean hasRows(String stationId) {
		return !this.jdbcTemplate
			.queryForList("SELECT 1 FROM weather_observation WHERE station_id = ? FETCH FIRST 1 ROWS ONLY",
					Integer.class, stationId)
			.isEmpty();
	}

	/**
	 * Inserts observations of a station that had no rows when its file started loading. Only that file's partition
	 * writes the station (one file per station, one run at a time), and a file has no duplicate dates, so plain
	 * inserts cannot collide.
	 */
	public UpsertCounts insertNew(List<Observation> observations, long jobExecutionId, long jobInstanceId) {
		if (observations.isEmpty()) {
			return UpsertCounts.NONE;
		}
		String insert = "weather_observation (" + COLUMNS + ", job_execution_id)";
		withConnection((connection) -> {
			if (this.postgres) {
				copy(connection.unwrap(PGConnection.class), insert, observations, jobExecutionId);
			}
			else {
				insertBatch(connection, insert, observations, jobExecutionId);
			}
		});
		Set<Integer> years = new TreeSet<>();
		int previousYear = 0;
		for (Observation o : observations) {
			// a file runs in date order: one set lookup per year, not per line
			if (o.date().getYear() != previousYear) {
				previousYear = o.date().getYear();
				years.add(previousYear);
			}
		}
		recordTouched(jobInstanceId, observations.get(0).stationId(), years);
		return new UpsertCounts(observations.size(), 0, 0);
	}

	/** Upserts observations: inserts new days, updates changed ones, leaves identical ones alone. */
	public UpsertCounts merge(List<Observation> observations, long jobExecutionId, long jobInstanceId) {
		if (observations.isEmpty()) {
			return UpsertCounts.NONE;
		}
		withConnection((connection) -> stage(connection, observations));
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
			return new UpsertCounts(0, 0, unchanged);
		}
		long merged = this.jdbcTemplate.update(MERGE, jobExecutionId, jobExecutionId);
		if (merged != inserted + updated) {
			throw new IllegalStateException("MERGE wrote " + merged + " rows, expected " + inserted
					+ " inserted and " + updated + " updated: is another process writing the same stations?");
		}
		recordTouched(jobInstanceId, observations.get(0).stationId(), touched);
		return new UpsertCounts(inserted, updated, unchanged);
	}

	private void recordTouched(long jobInstanceId, String stationId, Set<Integer> years) {
		years.removeAll(this.jdbcTemplate.queryForList(
				"SELECT year FROM ingest_touched_year WHERE job_instance_id = ? AND station_id = ?", Integer.class,
				jobInstanceId, stationId));
		List<Object[]> rows = new ArrayList<>();
		for (int year : years) {
			rows.add(new Object[] { jobInstanceId, stationId, year, LocalDate.of(year, 1, 1),
					LocalDate.of(year + 1, 1, 1) });
		}
		this.jdbcTemplate.batchUpdate("INSERT INTO ingest_touched_year "
				+ "(job_instance_id, station_id, year, first_day, next_first_day) VALUES (?, ?, ?, ?, ?)", rows);
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
		String stage = "observation_stage (" + COLUMNS + ")";
		if (this.postgres) {
			copy(connection.unwrap(PGConnection.class), stage, observations, null);
		}
		else {
			insertBatch(connection, stage, observations, null);
		}
	}

	private void withConnection(ConnectionWork work) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			work.run(connection);
		}
		catch (SQLException | IOException ex) {
			throw new DataAccessResourceFailureException("Could not write observations", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	// PostgreSQL's binary COPY: dates and integers go as the server stores them, so it parses no text at all
	private static final byte[] BINARY_COPY_HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
			0, 0, 0, 0, 0, 0, 0, 0 };

	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	private static void copy(PGConnection connection, String table, List<Observation> observations,
			Long jobExecutionId) throws SQLException {
		short fields = (short) ((jobExecutionId != null) ? 7 : 6);
		ByteBuffer rows = ByteBuffer.allocate(BINARY_COPY_HEADER.length + 2 + observations.size() * 96);
		rows.put(BINARY_COPY_HEADER);
		byte[] stationId = null;
		for (Observation o : observations) {
			if (stationId == null) {
				stationId = o.stationId().getBytes(StandardCharsets.UTF_8);
			}
			rows = ensureRoom(rows, 64 + stationId.length
					+ ((o.qualityFlags() != null) ? o.qualityFlags().length() * 3 : 0));
			rows.putShort(fields);
			rows.putInt(stationId.length).put(stationId);
			rows.putInt(4).putInt((int) (o.date().toEpochDay() - POSTGRES_EPOCH_DAY));
			putNullable(rows, o.maxTemp());
			putNullable(rows, o.minTemp());
			putNullable(rows, o.precipitation());
			if (o.qualityFlags() != null) {
				byte[] flags = o.qualityFlags().getBytes(StandardCharsets.UTF_8);
				rows.putInt(flags.length).put(flags);
			}
			else {
				rows.putInt(-1);
			}
			if (jobExecutionId != null) {
				rows.putInt(8).putLong(jobExecutionId);
			}
		}
		rows = ensureRoom(rows, 2);
		rows.putShort((short) -1);
		CopyIn copy = connection.getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT binary)");
		try {
			copy.writeToCopy(rows.array(), 0, rows.position());
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private static void putNullable(ByteBuffer rows, Integer value) {
		if (value != null) {
			rows.putInt(4).putInt(value);
		}
		else {
			rows.putInt(-1);
		}
	}

	private static ByteBuffer ensureRoom(ByteBuffer rows, int bytes) {
		if (rows.remaining() >= bytes) {
			return rows;
		}
		ByteBuffer larger = ByteBuffer.allocate(Math.max(rows.capacity() * 2, rows.position() + bytes));
		return larger.put(rows.array(), 0, rows.position());
	}

	private static void insertBatch(Connection connection, String table, List<Observation> observations,
			Long jobExecutionId) throws SQLException {
		String values = (jobExecutionId != null) ? "(?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?)";
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES " + values)) {
			for (Observation o : observations) {
				insert.setString(1, o.stationId());
				insert.setObject(2, o.date());
				setNullableInt(insert, 3, o.maxTemp());
				setNullableInt(insert, 4, o.minTemp());
				setNullableInt(insert, 5, o.precipitation());
				insert.setString(6, o.qualityFlags());
				if (jobExecutionId != null) {
					insert.setLong(7, jobExecutionId);
				}
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

	@FunctionalInterface
	private interface ConnectionWork {

		void run(Connection connection) throws SQLException, IOException;

	}

}
