package com.example.weather.api.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.example.weather.api.web.Cursor;
import com.example.weather.api.web.ListQuery;
import com.example.weather.api.web.PageRequest;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code weather_yearly_stats}, which the ingest job precomputes: no aggregation happens per request.
 */
@Repository
class StatsRepository {

	private static final ListQuery<StatsFilter, YearlyStats> STATISTICS = ListQuery
		.<StatsFilter, YearlyStats>of("""
				SELECT station_id, year, avg_max_temp_c, avg_min_temp_c, total_precipitation_cm,
				       max_temp_days, min_temp_days, precipitation_days
				FROM weather_yearly_stats
				{where}
				ORDER BY station_id, year
				LIMIT :limit OFFSET :offset""", """
				SELECT COUNT(*)
				FROM weather_yearly_stats
				{where}""", (rs, row) -> toStats(rs))
		.filteredBy((filter, where) -> where.and("station_id = :station_id", "station_id", filter.stationId())
			.and("year >= :from_year", "from_year", filter.fromYear())
			.and("year <= :to_year", "to_year", filter.toYear()))
		.startingAfter("(station_id, year) > (:after_station, :after_year)", 2,
				(key) -> Map.of("after_station", key.get(0), "after_year", Cursor.part(key.get(1), Integer::valueOf)));

	private final NamedParameterJdbcTemplate jdbcTemplate;

	StatsRepository(NamedParameterJdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/** One more row than the page, when there is one. */
	List<YearlyStats> findPage(StatsFilter filter, PageRequest page) {
		return STATISTICS.page(this.jdbcTemplate, filter, page);
	}

	long count(StatsFilter filter) {
		return STATISTICS.count(this.jdbcTemplate, filter);
	}

	static List<String> cursorKey(YearlyStats stats) {
		return List.of(stats.stationId(), String.valueOf(stats.year()));
	}

	private static YearlyStats toStats(ResultSet rs) throws SQLException {
		return new YearlyStats(rs.getString("station_id"), rs.getInt("year"), rs.getBigDecimal("avg_max_temp_c"),
				rs.getBigDecimal("avg_min_temp_c"), rs.getBigDecimal("total_precipitation_cm"),
				rs.getInt("max_temp_days"), rs.getInt("min_temp_days"), rs.getInt("precipitation_days"));
	}

}
