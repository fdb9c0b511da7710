package com.example.weather.api.observations;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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

	/**
	 * The filter of the request's parameters as given. The dates are read here rather than bound by Spring MVC as
	 * {@code @DateTimeFormat LocalDate}: that binding looks the annotation up on every request, hashing all the
	 * parameter's annotations (the OpenAPI ones too) by reflection: the largest single cost of a page
	 * (bench/README.md). Same rules: ISO dates, strict (no February 30), empty meaning no bound.
	 */
	static ObservationFilter of(String stationId, String startDate, String endDate) {
		return new ObservationFilter(stationId, date("start_date", startDate), date("end_date", endDate));
	}

	private static LocalDate date(String parameter, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return DateTimeFormatter.ISO_DATE.parse(value, LocalDate::from);
		}
		catch (DateTimeParseException ex) {
			throw BadParameterException.invalidValue(parameter, value, LocalDate.class);
		}
	}

}
