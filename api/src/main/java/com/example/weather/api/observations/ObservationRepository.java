package com.example.weather.api.observations;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.example.weather.api.web.Cursor;
import com.example.weather.api.web.ListQuery;
import com.example.weather.api.web.PageRequest;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code weather_observation}, in primary key order, so that every page is a range scan of the key.
 */
@Repository
class ObservationRepository {

	private static final ListQuery<ObservationFilter, DailyObservation> OBSERVATIONS = ListQuery
		.<ObservationFilter, DailyObservation>of("""
				SELECT station_id, observation_date, max_temp, min_temp, precipitation, quality_flags
				FROM weather_observation
				{where}
				ORDER BY station_id, observation_date
				LIMIT :limit OFFSET :offset""", """
				SELECT COUNT(*)
				FROM weather_observation
				{where}""", (rs, row) -> toObservation(rs))
		.filteredBy((filter, where) -> where.and("station_id = :station_id", "station_id", filter.stationId())
			.and("observation_date >= :start_date", "start_date", filter.startDate())
			.and("observation_date <= :end_date", "end_date", filter.endDate()))
		// Row-value comparison: PostgreSQL turns it into one index range; H2 uses the index on its first column.
		.startingAfter("(station_id, observation_date) > (:after_station, :after_date)", 2, (key) -> Map
			.of("after_station", key.get(0), "after_date", Cursor.part(key.get(1), LocalDate::parse)));

	private final NamedParameterJdbcTemplate jdbcTemplate;

	ObservationRepository(NamedParameterJdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/** One more row than the page, when there is one. */
	List<DailyObservation> findPage(ObservationFilter filter, PageRequest page) {
		return OBSERVATIONS.page(this.jdbcTemplate, filter, page);
	}

	long count(ObservationFilter filter) {
		return OBSERVATIONS.count(this.jdbcTemplate, filter);
	}

	static List<String> cursorKey(DailyObservation observation) {
		return List.of(observation.stationId(), observation.date().toString());
	}

	/** By position, in the order of the page's SELECT: a name costs the driver a lookup per column and row. */
	private static DailyObservation toObservation(ResultSet rs) throws SQLException {
		String flags = rs.getString(6);
		return new DailyObservation(rs.getString(1), rs.getObject(2, LocalDate.class), tenths(rs, 3), tenths(rs, 4),
				tenths(rs, 5), (flags == null || flags.isBlank()) ? List.of() : Arrays.asList(flags.split(",")));
	}

	/** Stored in tenths (of a degree, of a millimetre); exact as a decimal with one digit. */
	private static BigDecimal tenths(ResultSet rs, int column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : BigDecimal.valueOf(value, 1);
	}

}
