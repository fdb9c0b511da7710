package com.example.weather.batch.stats;

import java.util.List;

/**
 * The SQL of the yearly statistics, all of it: the out-of-date station-years in {@code ingest_touched_year}, their
 * totals read to recompute them, and the writes of {@code weather_yearly_stats} and {@code weather_station}. Standard
 * SQL that runs on PostgreSQL and on H2 in PostgreSQL mode. A station range is bound as {@code BETWEEN ? AND ?}, first
 * station then last.
 */
final class StatsSql {

	// TouchedYears

	/** The years of a station already recorded for a run ({@code job_instance_id}, {@code station_id}). */
	static final String RECORDED_YEARS = "SELECT year FROM ingest_touched_year "
			+ "WHERE job_instance_id = ? AND station_id = ?";

	/** A station-year out of date, with its year's first day and the next year's. */
	static final String RECORD_YEAR = "INSERT INTO ingest_touched_year "
			+ "(job_instance_id, station_id, year, first_day, next_first_day) VALUES (?, ?, ?, ?, ?)";

	/** The stations with out-of-date statistics, and how many of their years are, in station order. */
	static final String TOUCHED_BY_STATION = "SELECT station_id, COUNT(*) FROM ingest_touched_year "
			+ "GROUP BY station_id ORDER BY station_id";

	/** Forgets the station-years of a station range, once refreshed. */
	static final String FORGET_RANGE = "DELETE FROM ingest_touched_year WHERE station_id BETWEEN ? AND ?";

	/** The distinct out-of-date station-years of a station range, as key ranges. */
	private static final String TOUCHED_IN_RANGE = """
			SELECT DISTINCT station_id, year, first_day, next_first_day
			FROM ingest_touched_year WHERE station_id BETWEEN ? AND ?""";

	/** The stations of a station range with an out-of-date year. */
	private static final String STATIONS_IN_RANGE = "SELECT station_id FROM ingest_touched_year "
			+ "WHERE station_id BETWEEN ? AND ?";

	// YearlyStatsRefresh: each statement takes the station range once

	/**
	 * PostgreSQL only, first in the refresh's transaction: join each station-year to its observations by a nested
	 * loop over the primary key, whatever the planner's statistics say. A load fills the tables faster than
	 * autovacuum analyses them, and with statistics from before it (or none, after a first load) the planner joined
	 * the touched years to every observation of each station and filtered the dates afterwards, a cost that grew
	 * with the data times the years.
	 */
	static final List<String> READ_STATION_YEARS_BY_KEY = List.of("SET LOCAL enable_hashjoin = off",
			"SET LOCAL enable_mergejoin = off");

	/**
	 * The {@link StationYearTotals} of the out-of-date station-years of a station range, read as primary key
	 * ranges; DISTINCT because two runs can leave the same station-year. Sums and counts only: what they make is
	 * defined once, in Java.
	 */
	static final String OUT_OF_DATE_TOTALS = """
			SELECT o.station_id, touched.year,
			       SUM(o.max_temp), COUNT(o.max_temp), SUM(o.min_temp), COUNT(o.min_temp),
			       SUM(o.precipitation), COUNT(o.precipitation), COUNT(*),
			       MIN(o.observation_date), MAX(o.observation_date)
			FROM (%s) touched
			JOIN weather_observation o
			  ON o.station_id = touched.station_id
			 AND o.observation_date >= touched.first_day AND o.observation_date < touched.next_first_day
			GROUP BY o.station_id, touched.year
			""".formatted(TOUCHED_IN_RANGE);

	/** Writes a station-year's {@link YearlyStats}, in the record's order, new or recomputed. */
	static final String UPSERT_YEARLY_STATS = """
			MERGE INTO weather_yearly_stats t
			USING (
			    SELECT CAST(? AS VARCHAR(20)) AS station_id, CAST(? AS INTEGER) AS year,
			           CAST(? AS NUMERIC(6, 2)) AS avg_max_temp_c, CAST(? AS NUMERIC(6, 2)) AS avg_min_temp_c,
			           CAST(? AS NUMERIC(9, 2)) AS total_precipitation_cm, CAST(? AS INTEGER) AS max_temp_days,
			           CAST(? AS INTEGER) AS min_temp_days, CAST(? AS INTEGER) AS precipitation_days,
			           CAST(? AS INTEGER) AS observation_days, CAST(? AS DATE) AS first_observation_date,
			           CAST(? AS DATE) AS last_observation_date
			) s
			ON t.station_id = s.station_id AND t.year = s.year
			WHEN MATCHED THEN
			  UPDATE SET avg_max_temp_c = s.avg_max_temp_c, avg_min_temp_c = s.avg_min_temp_c,
			             total_precipitation_cm = s.total_precipitation_cm, max_temp_days = s.max_temp_days,
			             min_temp_days = s.min_temp_days, precipitation_days = s.precipitation_days,
			             observation_days = s.observation_days, first_observation_date = s.first_observation_date,
			             last_observation_date = s.last_observation_date
			WHEN NOT MATCHED THEN
			  INSERT (station_id, year, avg_max_temp_c, avg_min_temp_c, total_precipitation_cm,
			          max_temp_days, min_temp_days, precipitation_days,
			          observation_days, first_observation_date, last_observation_date)
			  VALUES (s.station_id, s.year, s.avg_max_temp_c, s.avg_min_temp_c, s.total_precipitation_cm,
			          s.max_temp_days, s.min_temp_days, s.precipitation_days,
			          s.observation_days, s.first_observation_date, s.last_observation_date)
			""";

	/** Adds up the summary of each station the subquery names, from its years' statistics. */
	private static final String REFRESH_STATIONS_IN = """
			MERGE INTO weather_station t
			USING (
			    SELECT station_id, MIN(first_observation_date) AS first_date, MAX(last_observation_date) AS last_date,
			           SUM(observation_days) AS observation_count
			    FROM weather_yearly_stats
			    WHERE station_id IN (%s)
			    GROUP BY station_id
			) s
			ON t.station_id = s.station_id
			WHEN MATCHED THEN
			  UPDATE SET first_observation_date = s.first_date, last_observation_date = s.last_date,
			             observation_count = s.observation_count
			WHEN NOT MATCHED THEN
			  INSERT (station_id, first_observation_date, last_observation_date, observation_count)
			  VALUES (s.station_id, s.first_date, s.last_date, s.observation_count)
			""";

	/** Adds up the summary of each station of a range with an out-of-date year, from its years just refreshed. */
	static final String REFRESH_STATIONS = REFRESH_STATIONS_IN.formatted(STATIONS_IN_RANGE);

	/** Adds up the summary of one station ({@code ?}) from its years' statistics. */
	static final String REFRESH_STATION = REFRESH_STATIONS_IN.formatted("?");

	private StatsSql() {
	}

}
