package com.example.weather.api.stations;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.example.weather.api.web.ListQuery;
import com.example.weather.api.web.NotFoundException;
import com.example.weather.api.web.PageRequest;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code weather_station}, which the ingest job keeps up to date with each load.
 */
@Repository
public class StationRepository {

	private static final String BY_ID = """
			SELECT station_id, first_observation_date, last_observation_date, observation_count
			FROM weather_station
			WHERE station_id = :station_id""";

	private static final String ALL = """
			SELECT station_id, first_observation_date, last_observation_date, observation_count
			FROM weather_station""";

	private static final RowMapper<Station> MAPPER = (rs, row) -> new Station(rs.getString(1),
			rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getLong(4));

	/** Stations whose id contains a search, or all: the table has a row per station, so a scan of it is cheap. */
	private static final ListQuery<String, Station> STATIONS = ListQuery.<String, Station>of("""
			SELECT station_id, first_observation_date, last_observation_date, observation_count
			FROM weather_station
			{where}
			ORDER BY station_id
			LIMIT :limit OFFSET :offset""", """
			SELECT COUNT(*) FROM weather_station
			{where}""", MAPPER)
		.filteredBy((search, where) -> where.and("UPPER(station_id) LIKE :pattern ESCAPE '\\'", "pattern",
				(search != null) ? "%" + literal(search) + "%" : null))
		.startingAfter("station_id > :after_station", 1, (key) -> Map.of("after_station", key.get(0)));

	private final NamedParameterJdbcTemplate jdbcTemplate;

	StationRepository(NamedParameterJdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	Optional<Station> findById(String stationId) {
		return this.jdbcTemplate.query(BY_ID, Map.of("station_id", stationId), MAPPER).stream().findFirst();
	}

	/** Every station: a row each, a few thousand at the most. */
	public List<Station> findAll() {
		return this.jdbcTemplate.query(ALL, MAPPER);
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
		return STATIONS.page(this.jdbcTemplate, search, page);
	}

	long count(String search) {
		return STATIONS.count(this.jdbcTemplate, search);
	}

	static List<String> cursorKey(Station station) {
		return List.of(station.stationId());
	}

	/** The search as a LIKE pattern's literal text, in upper case like the ids it is compared with. */
	private static String literal(String search) {
		return search.toUpperCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
