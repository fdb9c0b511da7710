package com.example.weather.batch.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Running {@link StationYearTotals} of one station's observations, by year: how a new station's writer sums up its
 * years as its rows go in. Not thread-safe: one per writer.
 */
public class YearlyTotals {

	private final String stationId;

	private final Map<Integer, Counters> byYear = new HashMap<>();

	private int lastYear;

	private Counters last;

	public YearlyTotals(String stationId) {
		this.stationId = stationId;
	}

	/** Adds a day of the station; values in tenths, {@code null} when missing. */
	public void add(LocalDate date, Integer maxTemp, Integer minTemp, Integer precipitation) {
		int year = date.getYear();
		// rows come in runs of one year: one map lookup per run, not per row
		if (this.last == null || this.lastYear != year) {
			this.lastYear = year;
			this.last = this.byYear.computeIfAbsent(year, (key) -> new Counters());
		}
		this.last.add(date, maxTemp, minTemp, precipitation);
	}

	/** The statistics of every year added to so far. */
	public List<YearlyStats> stats() {
		List<YearlyStats> stats = new ArrayList<>(this.byYear.size());
		this.byYear.forEach((year, counters) -> stats.add(counters.totals(this.stationId, year).stats()));
		return stats;
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

		StationYearTotals totals(String stationId, int year) {
			return new StationYearTotals(stationId, year, this.maxTempSum, this.maxTempDays,
					this.minTempSum, this.minTempDays, this.precipitationSum, this.precipitationDays, this.days,
					this.first, this.last);
		}

	}

}
