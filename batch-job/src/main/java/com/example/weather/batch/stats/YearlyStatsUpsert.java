package com.example.weather.batch.stats;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes statistics made by {@link StationYearTotals} (a new station's writer, through {@link YearlyTotals}, or the
 * statistics step) into {@code weather_yearly_stats}, and adds a station's years up into its {@code weather_station}
 * summary. Runs on the caller's transaction.
 */
public class YearlyStatsUpsert {

	private static final int[] COLUMN_TYPES = { Types.VARCHAR, Types.INTEGER, Types.NUMERIC, Types.NUMERIC,
			Types.NUMERIC, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.DATE, Types.DATE };

	private final JdbcTemplate jdbcTemplate;

	public YearlyStatsUpsert(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Inserts or replaces the statistics of these station-years. */
	public void upsert(List<YearlyStats> stats) {
		List<Object[]> rows = new ArrayList<>(stats.size());
		for (YearlyStats s : stats) {
			rows.add(new Object[] { s.stationId(), s.year(), s.avgMaxTempC(), s.avgMinTempC(),
					s.totalPrecipitationCm(), s.maxTempDays(), s.minTempDays(), s.precipitationDays(),
					s.observationDays(), s.firstObservationDate(), s.lastObservationDate() });
		}
		this.jdbcTemplate.batchUpdate(StatsSql.UPSERT_YEARLY_STATS, rows, COLUMN_TYPES);
	}

	/** Adds up the station's summary (first and last day, days observed) from its years' statistics. */
	public void summarise(String stationId) {
		this.jdbcTemplate.update(StatsSql.REFRESH_STATION, stationId);
	}

}
