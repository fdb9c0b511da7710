package com.example.weather.batch.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Running {@link StationYearTotals} of the observations added, by station and year: how a new station's writer sums
 * up its years as its rows go in. Not thread-safe: one per writer.
 */
public class YearlyTotals {

	private final Map<StationYear, Counters> byYear = new HashMap<>();

	private StationYear lastKey;

	private Counters last;

	/** Adds a day of a station; values in tenths, {@code null} when missing. */
	public void add(String stationId, LocalDate date, Integer maxTemp, Integer minTemp, Integer precipitation) {
		int year = date.getYear();
		// rows come in runs of one station-year: one map lookup per run, not per row
		if (this.lastKey == null || this.lastKey.year() != year || !this.lastKey.stationId().equals(stationId)) {
			this.lastKey = new StationYear(stationId, year);
			this.last = this.byYear.computeIfAbsent(this.lastKey, (key) -> new Counters());
		}
		this.last.add(date, maxTemp, minTemp, precipitation);
	}

	/** The statistics of every station-year added to so far. */
	public List<YearlyStats> stats() {
		List<YearlyStats> stats = new ArrayList<>(this.byYear.size());
		this.byYear.forEach((key, counters) -> stats.add(counters.totals(key).stats()));
		return stats;
	}

	private record StationYear(String stationId, int year) {
	}

	private static final class Counters {

		private long maxTempSum;

		private long minTempSum;

		private long precipitationSum;

		private int maxTempDays;

		private int minTempDays;

		private int precipitationDays;

		private int days;

		private LocalDate first;

		private LocalDate last;

		void add(LocalDate date, Integer maxTemp, Integer minTemp, Integer precipitation) {
			if (maxTemp != null) {
				this.maxTempSum += maxTemp;
				this.maxTempDays++;
			}
			if (minTemp != null) {
				this.minTempSum += minTemp;
				this.minTempDays++;
			}
			if (precipitation != null) {
				this.precipitationSum += precipitation;
				this.precipitationDays++;
			}
			this.days++;
			if (this.first == null || date.isBefore(this.first)) {
				this.first = date;
			}
			if (this.last == null || date.isAfter(this.last)) {
				this.last = date;
			}
		}

		StationYearTotals totals(StationYear key) {
			return new StationYearTotals(key.stationId(), key.year(), this.maxTempSum, this.maxTempDays,
					this.minTempSum, this.minTempDays, this.precipitationSum, this.precipitationDays, this.days,
					this.first, this.last);
		}

	}

}
