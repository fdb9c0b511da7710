package com.example.weather.batch.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
		return this.jdbcTemplate.query(StatsSql.TOUCHED_BY_STATION,
				(rs, row) -> new TouchedStation(rs.getString(1), rs.getLong(2)));
	}

	/** Forgets the station-years of a station range, once their statistics are refreshed. */
	void forget(String first, String last) {
		this.jdbcTemplate.update(StatsSql.FORGET_RANGE, first, last);
	}

}
