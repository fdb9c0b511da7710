package com.example.weather.batch.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.example.weather.batch.stats.TouchedYears;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of one station's observations into {@code weather_observation}, and records the station-years it
 * inserted or changed in {@link TouchedYears}: their statistics are out of date until refreshed. Everything
 * runs on the chunk's transactional connection, so a failed chunk leaves no trace.
 * <p>
 * Two ways in:
 * <ul>
 * <li>{@link #insertNew} for a station with no rows yet (a first load): the rows go straight into the table, by
 * the database's {@link ObservationBulkLoad} ({@code COPY} on PostgreSQL, a JDBC batch elsewhere). This is what
 * makes a full load run at {@code COPY} speed.
 * <li>{@link #merge} otherwise: through a staging table and one {@code MERGE} ({@link StagingTableMerge}), which
 * leaves identical rows alone.
 * </ul>
 */
public class ObservationUpsert {

	private final DataSource dataSource;

	private final JdbcTemplate jdbcTemplate;

	private final ObservationBulkLoad bulkLoad;

	private final StagingTableMerge stagingTableMerge;

	private final TouchedYears touchedYears;

	public ObservationUpsert(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.bulkLoad = ObservationBulkLoad.forDatabase(dataSource);
		this.stagingTableMerge = new StagingTableMerge(this.jdbcTemplate, this.bulkLoad);
		this.touchedYears = new TouchedYears(this.jdbcTemplate);
	}

	/** Whether the station has any row yet; if not, its file can take the {@link #insertNew} path. */
	public boolean hasRows(String stationId) {
		return !this.jdbcTemplate
			.queryForList(IngestSql.STATION_HAS_ROWS, Integer.class, stationId)
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
		withConnection((connection) -> this.bulkLoad.insert(connection, observations, jobExecutionId));
		Set<Integer> years = new TreeSet<>();
		int previousYear = 0;
		for (Observation o : observations) {
			// a file runs in date order: one set lookup per year, not per line
			if (o.date().getYear() != previousYear) {
				previousYear = o.date().getYear();
				years.add(previousYear);
			}
		}
		this.touchedYears.record(jobInstanceId, observations.get(0).stationId(), years);
		return new UpsertCounts(observations.size(), 0, 0);
	}

	/** Upserts observations: inserts new days, updates changed ones, leaves identical ones alone. */
	public UpsertCounts merge(List<Observation> observations, long jobExecutionId, long jobInstanceId) {
		if (observations.isEmpty()) {
			return UpsertCounts.NONE;
		}
		withConnection((connection) -> this.stagingTableMerge.stage(connection, observations));
		StagingTableMerge.Merged merged = this.stagingTableMerge.merge(jobExecutionId);
		if (!merged.touchedYears().isEmpty()) {
			this.touchedYears.record(jobInstanceId, observations.get(0).stationId(), merged.touchedYears());
		}
		return merged.counts();
	}

	// every write error is the same exception type, which the outage handling recognises
	private void withConnection(ConnectionWork work) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			work.run(connection);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not write observations", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	@FunctionalInterface
	private interface ConnectionWork {

		void run(Connection connection) throws SQLException;

	}

}
