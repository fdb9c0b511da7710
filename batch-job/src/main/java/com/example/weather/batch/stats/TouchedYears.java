package com.example.weather.batch.stats;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The station-years whose statistics are out of date, in {@code ingest_touched_year}: the writers record every
 * station-year they insert into or change, in the same transaction as the rows; the statistics step splits them
 * into station ranges, refreshes them and forgets them. A station-year stays until its statistics are refreshed,
 * whichever run left it: a night that failed and was never rerun leaves nothing stale for long. Each row carries
 * its year's first day and the next year's, so that the refresh reads the year's observations by key range.
 */
public class TouchedYears {

	private final JdbcTemplate jdbcTemplate;

	public TouchedYears(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Records that the run wrote these years of the station; years it has already recorded are skipped. */
	public void record(long jobInstanceId, String stationId, Set<Integer> years) {
		years.removeAll(
				this.jdbcTemplate.queryForList(StatsSql.RECORDED_YEARS, Integer.class, jobInstanceId, stationId));
		List<Object[]> rows = new ArrayList<>();
		for (int year : years) {
			rows.add(new Object[] { jobInstanceId, stationId, year, LocalDate.of(year, 1, 1),
					LocalDate.of(year + 1, 1, 1) });
		}
		this.jdbcTemplate.batchUpdate(StatsSql.RECORD_YEAR, rows);
	}

	/** A station with out-of-date statistics, and how many of its years are (counted once per run that left one). */
	record TouchedStation(String stationId, long years) {
	}

	/** The stations with out-of-date statistics, in station order. */
	List<TouchedStation> byStation() {
		boolean postgres = isPostgres();
		if (postgres) {
			this.jdbcTemplate.execute(StatsSql.ANALYZE_TOUCHED);
		}
		List<TouchedStation> stations = this.jdbcTemplate.query(StatsSql.TOUCHED_BY_STATION,
				(rs, row) -> new TouchedStation(rs.getString(1), rs.getLong(2)));
		if (postgres && manyObservationsChanged(stations)) {
			this.jdbcTemplate.execute(StatsSql.ANALYZE_OBSERVATIONS);
		}
		return stations;
	}

	/**
	 * Whether the load has written so large a share of the observations that the planner's statistics of them are
	 * out of date: those of a first load do not exist yet. The load fills the tables faster than autovacuum
	 * re-analyses them, and with the planner's last estimates PostgreSQL joined the touched years to every
	 * observation of each station and filtered the years afterwards, a cost that grew with the data times the
	 * years; with fresh statistics of both tables it reads each station-year by its primary key range. The share is
	 * autovacuum's own default threshold for re-analysing a table (a tenth), counting a year as 366 rows.
	 */
	private boolean manyObservationsChanged(List<TouchedStation> stations) {
		long touchedYears = stations.stream().mapToLong(TouchedStation::years).sum();
		if (touchedYears == 0) {
			return false;
		}
		Double estimatedRows = this.jdbcTemplate.queryForObject(StatsSql.ESTIMATED_OBSERVATIONS, Double.class);
		return estimatedRows == null || estimatedRows < 0 || touchedYears * 366 > estimatedRows / 10;
	}

	/** Forgets the station-years of a station range, once their statistics are refreshed. */
	void forget(String first, String last) {
		this.jdbcTemplate.update(StatsSql.FORGET_RANGE, first, last);
	}

	private boolean isPostgres() {
		return Boolean.TRUE.equals(this.jdbcTemplate
			.execute((Connection connection) -> connection.isWrapperFor(PGConnection.class)));
	}

}
