package com.example.weather.api.stations;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
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

	private static final String COUNT = "SELECT COUNT(*) FROM weather_station";

	private static final String BY_ID = SELECT + "WHERE station_id = :station_id";

	private static final String PAGE = """
			ORDER BY station_id
			LIMIT :limit OFFSET :offset""";

	private static final String AFTER_CURSOR = "WHERE station_id > :after_station\n";

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

	List<Station> findPage(PageRequest page) {
		Map<String, Object> parameters = new HashMap<>();
		String where = "";
		if (page.byCursor()) {
			if (page.cursor().key().size() != 1) {
				throw Cursor.invalid();
			}
			where = AFTER_CURSOR;
			parameters.put("after_station", page.cursor().key().get(0));
		}
		parameters.put("limit", page.limit());
		parameters.put("offset", page.offset());
		return this.jdbcTemplate.query(SELECT + where + PAGE, parameters, MAPPER);
	}

	long count() {
		return this.jdbcTemplate.getJdbcTemplate().queryForObject(COUNT, Long.class);
	}

	void forEach(Consumer<Station> action) {
		this.rowStreams.walk(this::findPage, StationRepository::cursorKey, action);
	}

	static List<String> cursorKey(Station station) {
		return List.of(station.stationId());
	}

}
