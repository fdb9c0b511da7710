package com.example.weather.api.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.example.weather.api.web.Cursor;
import com.example.weather.api.web.PageRequest;
import com.example.weather.api.web.RowStreams;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code weather_yearly_stats}, which the ingest job precomputes: no aggregation happens per request.
 */
@Repository
class StatsRepository {

	private static final String SELECT = """
			SELECT station_id, year, avg_max_temp_c, avg_min_temp_c, total_precipitation_cm,
			       max_temp_days, min_temp_days, precipitation_days
			FROM weather_yearly_stats
			""";

	private static final String COUNT = """
			SELECT COUNT(*)
			FROM weather_yearly_stats
			""";

	private static final String ORDER = """
			ORDER BY station_id, year
			""";

	private static final String PAGE = """
			LIMIT :limit OFFSET :offset""";

	private static final String AFTER_CURSOR = "(station_id, year) > (:after_station, :after_year)";

	private static final RowMapper<YearlyStats> MAPPER = (rs, row) -> toStats(rs);

	private final NamedParameterJdbcTemplate jdbcTemplate;

	private final RowStreams rowStreams;

	StatsRepository(NamedParameterJdbcTemplate jdbcTemplate, RowStreams rowStreams) {
		this.jdbcTemplate = jdbcTemplate;
		this.rowStreams = rowStreams;
	}

	/** One more row than the page, when there is one. */
	List<YearlyStats> findPage(StatsFilter filter, PageRequest page) {
		Map<String, Object> parameters = new HashMap<>();
		List<String> conditions = conditions(filter, parameters);
		if (page.byCursor()) {
			List<String> key = page.cursor().key();
			if (key.size() != 2) {
				throw Cursor.invalid();
			}
			parameters.put("after_station", key.get(0));
			try {
				parameters.put("after_year", Integer.parseInt(key.get(1)));
			}
			catch (NumberFormatException ex) {
				throw Cursor.invalid();
			}
			conditions.add(AFTER_CURSOR);
		}
		parameters.put("limit", page.limit());
		parameters.put("offset", page.offset());
		return this.jdbcTemplate.query(SELECT + where(conditions) + ORDER + PAGE, parameters, MAPPER);
	}

	long count(StatsFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		return this.jdbcTemplate.queryForObject(COUNT + where(conditions(filter, parameters)), parameters, Long.class);
	}

	void forEach(StatsFilter filter, Consumer<YearlyStats> action) {
		this.rowStreams.walk((page) -> findPage(filter, page), StatsRepository::cursorKey, action);
	}

	static List<String> cursorKey(YearlyStats stats) {
		return List.of(stats.stationId(), String.valueOf(stats.year()));
	}

	private static List<String> conditions(StatsFilter filter, Map<String, Object> parameters) {
		List<String> conditions = new ArrayList<>();
		if (filter.stationId() != null) {
			conditions.add("station_id = :station_id");
			parameters.put("station_id", filter.stationId());
		}
		if (filter.fromYear() != null) {
			conditions.add("year >= :from_year");
			parameters.put("from_year", filter.fromYear());
		}
		if (filter.toYear() != null) {
			conditions.add("year <= :to_year");
			parameters.put("to_year", filter.toYear());
		}
		return conditions;
	}

	private static String where(List<String> conditions) {
		return conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions) + "\n";
	}

	private static YearlyStats toStats(ResultSet rs) throws SQLException {
		return new YearlyStats(rs.getString("station_id"), rs.getInt("year"), rs.getBigDecimal("avg_max_temp_c"),
				rs.getBigDecimal("avg_min_temp_c"), rs.getBigDecimal("total_precipitation_cm"),
				rs.getInt("max_temp_days"), rs.getInt("min_temp_days"), rs.getInt("precipitation_days"));
	}

}
