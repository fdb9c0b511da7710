package com.example.weather.api.observations;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Reads {@code weather_observation}, in primary key order, so that every page is a range scan of the key.
 */
@Repository
class ObservationRepository {

	private static final String SELECT = """
			SELECT station_id, observation_date, max_temp, min_temp, precipitation, quality_flags
			FROM weather_observation
			""";

	private static final String COUNT = """
			SELECT COUNT(*)
			FROM weather_observation
			""";

	private static final String ORDER = """
			ORDER BY station_id, observation_date
			""";

	private static final String PAGE = """
			LIMIT :limit OFFSET :offset""";

	// Row-value comparison: PostgreSQL turns it into one index range; H2 uses the index on its first column.
	private static final String AFTER_CURSOR = "(station_id, observation_date) > (:after_station, :after_date)";

	private static final RowMapper<DailyObservation> MAPPER = (rs, row) -> toObservation(rs);

	private final NamedParameterJdbcTemplate jdbcTemplate;

	private final RowStreams rowStreams;

	ObservationRepository(NamedParameterJdbcTemplate jdbcTemplate, RowStreams rowStreams) {
		this.jdbcTemplate = jdbcTemplate;
		this.rowStreams = rowStreams;
	}

	/** One more row than the page, when there is one. */
	List<DailyObservation> findPage(ObservationFilter filter, PageRequest page) {
		Map<String, Object> parameters = new HashMap<>();
		List<String> conditions = conditions(filter, parameters);
		if (page.byCursor()) {
			List<String> key = page.cursor().key();
			if (key.size() != 2) {
				throw Cursor.invalid();
			}
			parameters.put("after_station", key.get(0));
			parameters.put("after_date", parseDate(key.get(1)));
			conditions.add(AFTER_CURSOR);
		}
		parameters.put("limit", page.limit());
		parameters.put("offset", page.offset());
		return this.jdbcTemplate.query(SELECT + where(conditions) + ORDER + PAGE, parameters, MAPPER);
	}

	long count(ObservationFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		return this.jdbcTemplate.queryForObject(COUNT + where(conditions(filter, parameters)), parameters, Long.class);
	}

	void forEach(ObservationFilter filter, Consumer<DailyObservation> action) {
		this.rowStreams.walk((page) -> findPage(filter, page), ObservationRepository::cursorKey, action);
	}

	static List<String> cursorKey(DailyObservation observation) {
		return List.of(observation.stationId(), observation.date().toString());
	}

	private static List<String> conditions(ObservationFilter filter, Map<String, Object> parameters) {
		List<String> conditions = new ArrayList<>();
		if (filter.stationId() != null) {
			conditions.add("station_id = :station_id");
			parameters.put("station_id", filter.stationId());
		}
		if (filter.startDate() != null) {
			conditions.add("observation_date >= :start_date");
			parameters.put("start_date", filter.startDate());
		}
		if (filter.endDate() != null) {
			conditions.add("observation_date <= :end_date");
			parameters.put("end_date", filter.endDate());
		}
		return conditions;
	}

	private static String where(List<String> conditions) {
		return conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions) + "\n";
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw Cursor.invalid();
		}
	}

	private static DailyObservation toObservation(ResultSet rs) throws SQLException {
		String flags = rs.getString("quality_flags");
		return new DailyObservation(rs.getString("station_id"), rs.getObject("observation_date", LocalDate.class),
				tenths(rs, "max_temp"), tenths(rs, "min_temp"), tenths(rs, "precipitation"),
				(flags == null || flags.isBlank()) ? List.of() : Arrays.asList(flags.split(",")));
	}

	/** Stored in tenths (of a degree, of a millimetre); exact as a decimal with one digit. */
	private static BigDecimal tenths(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : BigDecimal.valueOf(value, 1);
	}

}
