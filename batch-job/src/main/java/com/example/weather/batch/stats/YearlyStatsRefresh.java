package com.example.weather.batch.stats;

import com.example.weather.batch.launch.RunLockFence;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes {@code weather_yearly_stats} and {@code weather_station} for the station-years whose statistics are out
 * of date ({@link TouchedYears}), then forgets them. Works on the range of stations its partition was given (see
 * {@link StationRangePartitioner}). Set-based SQL, one transaction, safe to repeat.
 */
public class YearlyStatsRefresh implements Tasklet {

	private static final Log logger = LogFactory.getLog(YearlyStatsRefresh.class);

	// The out-of-date station-years, read as primary key ranges; DISTINCT because two runs can leave the same one.
	// Averages are integer sums over counts, divided once per group: a DECIMAL average per row cost 40% of the step.
	private static final String REFRESH_YEARLY_STATS = """
			MERGE INTO weather_yearly_stats t
			USING (
			    SELECT o.station_id,
			           touched.year,
			           ROUND(CAST(SUM(o.max_temp) AS DECIMAL(14, 4)) / NULLIF(COUNT(o.max_temp), 0) / 10, 2)
			                                                                  AS avg_max_temp_c,
			           ROUND(CAST(SUM(o.min_temp) AS DECIMAL(14, 4)) / NULLIF(COUNT(o.min_temp), 0) / 10, 2)
			                                                                  AS avg_min_temp_c,
			           CAST(SUM(o.precipitation) AS DECIMAL(14, 2)) / 100     AS total_precipitation_cm,
			           COUNT(o.max_temp)                                       AS max_temp_days,
			           COUNT(o.min_temp)                                       AS min_temp_days,
			           COUNT(o.precipitation)                                  AS precipitation_days,
			           COUNT(*)                                                AS observation_days,
			           MIN(o.observation_date)                                 AS first_observation_date,
			           MAX(o.observation_date)                                 AS last_observation_date
			    FROM (%s) touched
			    JOIN weather_observation o
			      ON o.station_id = touched.station_id
			     AND o.observation_date >= touched.first_day AND o.observation_date < touched.next_first_day
			    GROUP BY o.station_id, touched.year
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
			""".formatted(TouchedYears.IN_RANGE);

	// A station's summary adds up its years, refreshed just before.
	private static final String REFRESH_STATIONS = """
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
			""".formatted(TouchedYears.STATIONS_IN_RANGE);

	private final JdbcTemplate jdbcTemplate;

	private final TouchedYears touchedYears;

	private final RunLockFence fence;

	public YearlyStatsRefresh(JdbcTemplate jdbcTemplate, RunLockFence fence) {
		this.jdbcTemplate = jdbcTemplate;
		this.touchedYears = new TouchedYears(jdbcTemplate);
		this.fence = fence;
	}

	/** What a refresh recomputed. */
	public record Refreshed(int stationYears, int stations) {
	}

	/** Refreshes the out-of-date station-years of the stations from {@code first} to {@code last}, inclusive. */
	public Refreshed refresh(String first, String last) {
		int years = this.jdbcTemplate.update(REFRESH_YEARLY_STATS, first, last);
		int stations = this.jdbcTemplate.update(REFRESH_STATIONS, first, last);
		this.touchedYears.forget(first, last);
		return new Refreshed(years, stations);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		String first = step.getExecutionContext().getString(StatsStepContext.FIRST_STATION);
		String last = step.getExecutionContext().getString(StatsStepContext.LAST_STATION);
		// in the step's transaction, before it writes: a run that lost its lock writes nothing more
		this.fence.check(step.getJobExecution());
		Refreshed refreshed = refresh(first, last);
		contribution.incrementWriteCount(refreshed.stationYears());
		step.getExecutionContext().putLong(StatsStepContext.STATION_YEARS, refreshed.stationYears());
		step.getExecutionContext().putLong(StatsStepContext.STATIONS, refreshed.stations());
		logger.info("Yearly statistics refreshed for %d station-years of %d stations, %s to %s"
			.formatted(refreshed.stationYears(), refreshed.stations(), first, last));
		return RepeatStatus.FINISHED;
	}

}
