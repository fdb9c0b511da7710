package com.example.weather.api.overview;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Adds up {@code weather_station} (a row per station) and counts the years of {@code weather_yearly_stats}: a few
 * thousand rows at most, never the observations themselves.
 */
@Repository
class OverviewRepository {

	private static final String STATIONS = """
			SELECT COUNT(*), COALESCE(SUM(observation_count), 0), MIN(first_observation_date),
			       MAX(last_observation_date)
			FROM weather_station""";

	private static final String YEARS = "SELECT COUNT(DISTINCT year) FROM weather_yearly_stats";

	private final JdbcTemplate jdbcTemplate;

	OverviewRepository(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	Overview read(Long lastLoadExecutionId, LocalDateTime lastLoadTime) {
		long years = this.jdbcTemplate.queryForObject(YEARS, Long.class);
		return this.jdbcTemplate.queryForObject(STATIONS, (rs, row) -> {
			LocalDate first = rs.getObject(3, LocalDate.class);
			LocalDate last = rs.getObject(4, LocalDate.class);
			return new Overview(lastLoadExecutionId, lastLoadTime, rs.getLong(1), rs.getLong(2),
					(first != null) ? first.getYear() : null, (last != null) ? last.getYear() : null, years);
		});
	}

}
