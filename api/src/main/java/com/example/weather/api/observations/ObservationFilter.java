package com.example.weather.api.observations;

import java.time.LocalDate;

import com.example.weather.api.web.BadParameterException;

/**
 * Which observations a request wants; every part optional, dates inclusive.
 */
record ObservationFilter(String stationId, LocalDate startDate, LocalDate endDate) {

	ObservationFilter {
		if (stationId != null && stationId.isBlank()) {
			throw new BadParameterException("station_id", "'station_id' must not be empty");
		}
		if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
			throw new BadParameterException("start_date",
					"'start_date' (%s) is after 'end_date' (%s)".formatted(startDate, endDate));
		}
	}

}
