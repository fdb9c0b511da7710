package com.example.weather.batch.ingest;

import java.time.LocalDate;

/**
 * A validated day of one station. Values are in tenths as in the file; {@code null} means missing.
 *
 * @param qualityFlags comma-separated {@link QualityFlag} names, or {@code null} when there are none
 */
public record Observation(String stationId, LocalDate date, Integer maxTemp, Integer minTemp, Integer precipitation,
		String qualityFlags) implements ValidatedLine {
}
