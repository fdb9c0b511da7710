package com.example.weather.batch.ingest;

import java.time.LocalDate;
import java.util.BitSet;

/**
 * The dates a file has already given, to reject a second line for the same date. Saved in the step's execution
 * context at every commit so that a restarted partition still knows the dates of the chunks committed before the
 * failure. Saved as ranges of epoch days ({@code 5479-16435}), which for a station file of consecutive days is a
 * dozen characters however many years it covers.
 */
final class SeenDates {

	// Any date this century or the last few fits; indexes are epoch days shifted to be non-negative.
	private static final long ORIGIN = LocalDate.of(1700, 1, 1).toEpochDay();

	private final BitSet days = new BitSet();

	/** Records the date and tells whether it is new. */
	boolean add(LocalDate date) {
		int index = index(date);
		if (this.days.get(index)) {
			return false;
		}
		this.days.set(index);
		return true;
	}

	String toRanges() {
		StringBuilder ranges = new StringBuilder();
		for (int from = this.days.nextSetBit(0); from >= 0; from = this.days.nextSetBit(from)) {
			int to = this.days.nextClearBit(from) - 1;
			if (!ranges.isEmpty()) {
				ranges.append(',');
			}
			ranges.append(from + ORIGIN).append('-').append(to + ORIGIN);
			from = to + 1;
		}
		return ranges.toString();
	}

	static SeenDates fromRanges(String ranges) {
		SeenDates seen = new SeenDates();
		if (ranges == null || ranges.isEmpty()) {
			return seen;
		}
		for (String range : ranges.split(",")) {
			int dash = range.indexOf('-', 1);
			long from = Long.parseLong(range.substring(0, dash));
			long to = Long.parseLong(range.substring(dash + 1));
			seen.days.set((int) (from - ORIGIN), (int) (to - ORIGIN) + 1);
		}
		return seen;
	}

	private static int index(LocalDate date) {
		long index = date.toEpochDay() - ORIGIN;
		if (index < 0 || index > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("date out of the supported range: " + date);
		}
		return (int) index;
	}

}
