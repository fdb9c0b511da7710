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

	/** The distinct out-of-date station-years of a station range ({@code BETWEEN ? AND ?}), as key ranges. */
	static final String IN_RANGE = """
			SELECT DISTINCT station_id, year, first_day, next_first_day
			FROM ingest_touched_year WHERE station_id BETWEEN ? AND ?""";

	/** The stations of a station range ({@code BETWEEN ? AND ?}) with an out-of-date year. */
	static final String STATIONS_IN_RANGE = "SELECT station_id FROM ingest_touched_year WHERE station_id BETWEEN ? AND ?";

	private static final String FORGET = "DELETE FROM ingest_touched_year WHERE station_id BETWEEN ? AND ?";

	private final JdbcTemplate jdbcTemplate;

	public TouchedYears(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Records that the run wrote these years of the station; years it has already recorded are skipped. */
	public void record(long jobInstanceId, String stationId, Set<Integer> years) {
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

	/** A station with out-of-date statistics, and how many of its years are (counted once per run that left one). */
	record TouchedStation(String stationId, long years) {
	}

	/** The stations with out-of-date statistics, in station order. */
	List<TouchedStation> byStation() {
		boolean postgres = isPostgres();
		if (postgres) {
			this.jdbcTemplate.execute("ANALYZE ingest_touched_year");
		}
		List<TouchedStation> stations = this.jdbcTemplate.query(
				"SELECT station_id, COUNT(*) FROM ingest_touched_year GROUP BY station_id ORDER BY station_id",
				(rs, row) -> new TouchedStation(rs.getString(1), rs.getLong(2)));
		if (postgres && manyObservationsChanged(stations)) {
			this.jdbcTemplate.execute("ANALYZE weather_observation");
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
		Double estimatedRows = this.jdbcTemplate.queryForObject(
				"SELECT reltuples FROM pg_class WHERE oid = CAST('weather_observation' AS regclass)", Double.class);
		return estimatedRows == null || estimatedRows < 0 || touchedYears * 366 > estimatedRows / 10;
	}

	/** Forgets the station-years of a station range, once their statistics are refreshed. */
	void forget(String first, String last) {
		this.jdbcTemplate.update(FORGET, first, last);
	}

	private boolean isPostgres() {
		return Boolean.TRUE.equals(this.jdbcTemplate
			.execute((Connection connection) -> connection.isWrapperFor(PGConnection.class)));
	}

}
