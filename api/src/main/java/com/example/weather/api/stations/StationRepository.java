package com.example.weather.api.stations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.example.weather.api.web.Cursor;
import com.example.weather.api.web.NotFoundException;
import com.example.weather.api.web.PageRequest;
import com.example.weather.api.web.RowStreams;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code weather_station}, which the ingest job keeps up to date with each load.
 */
@Repository
public class StationRepository {

	private static final String SELECT = """
			SELECT station_id, first_observation_date, last_observation_date, observation_count
			FROM weather_station
			""";

	private static final String COUNT = "SELECT COUNT(*) FROM weather_station\n";

	/** A search of the station ids: the table has a row per station, so a scan of it is cheap. */
	private static final String CONTAINS = "UPPER(station_id) LIKE :pattern ESCAPE '\\'";

	private static final String BY_ID = SELECT + "WHERE station_id = :station_id";

	private static final String PAGE = """
			ORDER BY station_id
			LIMIT :limit OFFSET :offset""";

	private static final String AFTER_CURSOR = "station_id > :after_station";

	private static final RowMapper<Station> MAPPER = (rs, row) -> new Station(rs.getString(1),
			rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getLong(4));

	private final NamedParameterJdbcTemplate jdbcTemplate;

	private final RowStreams rowStreams;

	StationRepository(NamedParameterJdbcTemplate jdbcTemplate, RowStreams rowStreams) {
		this.jdbcTemplate = jdbcTemplate;
		this.rowStreams = rowStreams;
	}

	Optional<Station> findById(String stationId) {
		return this.jdbcTemplate.query(BY_ID, Map.of("station_id", stationId), MAPPER).stream().findFirst();
	}

	/** Fails with a 404 when {@code stationId} is given and names no station. */
	public void requireKnown(String stationId) {
		if (stationId != null && findById(stationId).isEmpty()) {
			throw unknown(stationId);
		}
	}

	static NotFoundException unknown(String stationId) {
		return new NotFoundException("No station '" + stationId + "'");
	}

	/** One more station than the page, when there is one; {@code search} (or null) is a part of the id. */
	List<Station> findPage(String search, PageRequest page) {
		Map<String, Object> parameters = new HashMap<>();
		List<String> conditions = conditions(search, parameters);
		if (page.byCursor()) {
			if (page.cursor().key().size() != 1) {
				throw Cursor.invalid();
			}
			conditions.add(AFTER_CURSOR);
			parameters.put("after_station", page.cursor().key().get(0));
		}
		parameters.put("limit", page.limit());
		parameters.put("offset", page.offset());
		return this.jdbcTemplate.query(SELECT + where(conditions) + PAGE, parameters, MAPPER);
	}

	long count(String search) {
		Map<String, Object> parameters = new HashMap<>();
		return this.jdbcTemplate.queryForObject(COUNT + where(conditions(search, parameters)), parameters,
				Long.class);
	}

	void forEach(String search, Consumer<Station> action) {
		this.rowStreams.walk((page) -> findPage(search, page), StationRepository::cursorKey, action);
	}

	private static List<String> conditions(String search, Map<String, Object> parameters) {
		List<String> conditions = new ArrayList<>();
		if (search != null) {
			String literal = search.toUpperCase(Locale.ROOT)
				.replace("\\", "\\\\")
				.replace("%", "\\%")
				.replace("_", "\\_");
			parameters.put("pattern", "%" + literal + "%");
			conditions.add(CONTAINS);
		}
		return conditions;
	}

	private static String where(List<String> conditions) {
		return conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions) + "\n";
	}

	static List<String> cursorKey(Station station) {
		return List.of(station.stationId());
	}

}
