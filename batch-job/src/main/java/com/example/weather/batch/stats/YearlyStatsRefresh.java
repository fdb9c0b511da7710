package com.example.weather.batch.stats;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import com.example.weather.batch.launch.RunLockFence;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes {@code weather_yearly_stats} and {@code weather_station} for the station-years whose statistics are out
 * of date ({@link TouchedYears}), then forgets them. Works on the range of stations its partition was given (see
 * {@link StationRangePartitioner}): their observations are summed up by key range in SQL, and
 * {@link StationYearTotals} makes the statistics of the sums. One transaction, safe to repeat.
 */
public class YearlyStatsRefresh implements Tasklet {

	private static final Log logger = LogFactory.getLog(YearlyStatsRefresh.class);

	private final JdbcTemplate jdbcTemplate;

	private final TouchedYears touchedYears;

	private final YearlyStatsUpsert yearlyStatsUpsert;

	private final RunLockFence fence;

	public YearlyStatsRefresh(JdbcTemplate jdbcTemplate, RunLockFence fence) {
		this.jdbcTemplate = jdbcTemplate;
		this.touchedYears = new TouchedYears(jdbcTemplate);
		this.yearlyStatsUpsert = new YearlyStatsUpsert(jdbcTemplate);
		this.fence = fence;
	}

	/** What a refresh recomputed. */
	public record Refreshed(int stationYears, int stations) {
	}

	/** Refreshes the out-of-date station-years of the stations from {@code first} to {@code last}, inclusive. */
	public Refreshed refresh(String first, String last) {
		if (isPostgres()) {
			StatsSql.READ_STATION_YEARS_BY_KEY.forEach(this.jdbcTemplate::execute);
		}
		List<YearlyStats> stats = this.jdbcTemplate.query(StatsSql.OUT_OF_DATE_TOTALS,
				(rs, row) -> new StationYearTotals(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getInt(4),
						rs.getLong(5), rs.getInt(6), rs.getLong(7), rs.getInt(8), rs.getInt(9),
						rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class))
					.stats(),
				first, last);
		this.yearlyStatsUpsert.upsert(stats);
		int years = stats.size();
		int stations = this.jdbcTemplate.update(StatsSql.REFRESH_STATIONS, first, last);
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

	private boolean isPostgres() {
		return Boolean.TRUE.equals(this.jdbcTemplate
			.execute((Connection connection) -> connection.isWrapperFor(PGConnection.class)));
	}

}
