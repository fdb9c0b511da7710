package com.example.weather.batch.stats;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of {@code weather_yearly_stats}: a station's year summed up. Averages and totals are {@code null} when
 * no day of the year has a value.
 */
public record YearlyStats(String stationId, int year, BigDecimal avgMaxTempC, BigDecimal avgMinTempC,
		BigDecimal totalPrecipitationCm, int maxTempDays, int minTempDays, int precipitationDays, int observationDays,
		LocalDate firstObservationDate, LocalDate lastObservationDate) {
}
