package com.example.weather.api.observations;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

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
			// the formatter's parse was 3.5% of a page's CPU (bench/README.md); it still reads what is not plain
			return isPlainDate(value) ? LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10))
					: DateTimeFormatter.ISO_DATE.parse(value, LocalDate::from);
		}
		catch (DateTimeException ex) {
			throw BadParameterException.invalidValue(parameter, value, LocalDate.class);
		}
	}

	/** {@code YYYY-MM-DD} in ASCII digits: what ISO_DATE reads as LocalDate.of reads it, strict alike. */
	static boolean isPlainDate(String value) {
		if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			char c = value.charAt(i);
			if (i != 4 && i != 7 && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	private static int digits(String value, int start, int end) {
		int number = 0;
		for (int i = start; i < end; i++) {
			number = number * 10 + (value.charAt(i) - '0');
		}
		return number;
	}

}
