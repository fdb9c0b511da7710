package com.example.weather.api.stats;

import com.example.weather.api.web.BadParameterException;

/**
 * Which station-years a request wants; every part optional, years inclusive.
 */
record StatsFilter(String stationId, Integer fromYear, Integer toYear) {

	static StatsFilter of(String stationId, Integer year, Integer startYear, Integer endYear) {
		if (stationId != null && stationId.isBlank()) {
			throw new BadParameterException("station_id", "'station_id' must not be empty");
		}
		if (year != null) {
			if (startYear != null || endYear != null) {
				throw new BadParameterException("year", "give either 'year' or 'start_year'/'end_year', not both");
			}
			return new StatsFilter(stationId, year, year);
		}
		if (startYear != null && endYear != null && startYear > endYear) {
			throw new BadParameterException("start_year",
					"'start_year' (%d) is after 'end_year' (%d)".formatted(startYear, endYear));
		}
		return new StatsFilter(stationId, startYear, endYear);
	}

}
