package com.example.weather.batch.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * What a station's year adds up to, in tenths as stored: the sum and the number of days of each value, the days
 * observed and the first and last of them; and the one place where these become {@link YearlyStats}. An average is
 * the exact sum over the days with a value, in degrees, rounded half away from zero to two places (as PostgreSQL's
 * {@code ROUND}); the precipitation total is exact, in centimetres; either is {@code null} with no day to count.
 */
public record StationYearTotals(String stationId, int year, long maxTempSum, int maxTempDays, long minTempSum,
		int minTempDays, long precipitationSum, int precipitationDays, int observationDays,
		LocalDate firstObservationDate, LocalDate lastObservationDate) {

	/** The statistics of {@code weather_yearly_stats} for these totals. */
	public YearlyStats stats() {
		// tenths of a millimetre are hundredths of a centimetre
		BigDecimal precipitationCm = (this.precipitationDays == 0) ? null
				: BigDecimal.valueOf(this.precipitationSum, 2);
		return new YearlyStats(this.stationId, this.year, average(this.maxTempSum, this.maxTempDays),
				average(this.minTempSum, this.minTempDays), precipitationCm, this.maxTempDays, this.minTempDays,
				this.precipitationDays, this.observationDays, this.firstObservationDate, this.lastObservationDate);
	}

	/** The exact average of {@code days} values in tenths summing to {@code tenths}, in units, to two places. */
	static BigDecimal average(long tenths, int days) {
		return (days == 0) ? null
				: BigDecimal.valueOf(tenths).divide(BigDecimal.valueOf(days * 10L), 2, RoundingMode.HALF_UP);
	}

}
