package com.example.weather.batch.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.example.weather.batch.stats.TouchedYears;
import com.example.weather.batch.stats.YearlyStatsUpsert;
import com.example.weather.batch.stats.YearlyTotals;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of one station's observations into {@code weather_observation}, and keeps their statistics right:
 * a new station's are written with its rows; the station-years a merge inserted into or changed are recorded in
 * {@link TouchedYears}, out of date until the statistics step refreshes them. Everything runs on the chunk's
 * transactional connection, so a failed chunk leaves no trace.
 * <p>
 * Two ways in:
 * <ul>
 * <li>{@link #insertNew} for a station with no rows yet (a first load): the rows go straight into the table, by
 * the database's {@link ObservationBulkLoad} ({@code COPY} on PostgreSQL, a JDBC batch elsewhere), and their
 * years' statistics are summed up on the way. This is what makes a full load run at {@code COPY} speed.
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

	private final YearlyStatsUpsert yearlyStatsUpsert;

	public ObservationUpsert(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.bulkLoad = ObservationBulkLoad.forDatabase(dataSource);
		this.stagingTableMerge = new StagingTableMerge(this.jdbcTemplate, this.bulkLoad);
		this.touchedYears = new TouchedYears(this.jdbcTemplate);
		this.yearlyStatsUpsert = new YearlyStatsUpsert(this.jdbcTemplate);
	}

	/** Whether the station has any row yet; if not, its file can take the {@link #insertNew} path. */
	public boolean hasRows(String stationId) {
		return !this.jdbcTemplate
			.queryForList(IngestSql.STATION_HAS_ROWS, Integer.class, stationId)
			.isEmpty();
	}

	/**
	 * Inserts observations of a station that had no rows when its file started loading, and writes the statistics
	 * of their years from {@code totals}, the running totals of every row this file's step has inserted so far: with
	 * no earlier rows, they are the station's statistics, computed here as the rows go by rather than read back
	 * by the statistics step. Only that file's partition writes the station (one file per station, one run at a
	 * time), and a file has no duplicate dates, so plain inserts cannot collide.
	 */
	public UpsertCounts insertNew(List<Observation> observations, long jobExecutionId, YearlyTotals totals) {
		if (observations.isEmpty()) {
			return UpsertCounts.NONE;
		}
		withConnection((connection) -> this.bulkLoad.insert(connection, observations, jobExecutionId));
		for (Observation o : observations) {
			totals.add(o.date(), o.maxTemp(), o.minTemp(), o.precipitation());
		}
		// every year so far, not only this chunk's: a year cut by a chunk's end is written again, complete
		this.yearlyStatsUpsert.upsert(totals.stats());
		this.yearlyStatsUpsert.summarise(observations.get(0).stationId());
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
