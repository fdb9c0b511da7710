package com.example.weather.batch.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YearlyTotalsTests {

	@Test
	void givenDaysOfTwoStationsAndTwoYears_whenSummedUp_thenEachStationYearHasItsOwnCountsSumsAndDaySpan() {
		YearlyTotals totals = new YearlyTotals();
		totals.add("B", LocalDate.of(2001, 3, 2), 100, -20, 5);
		totals.add("A", LocalDate.of(2001, 12, 31), 251, null, null);
		totals.add("A", LocalDate.of(2002, 1, 1), -3, -41, 0);
		totals.add("A", LocalDate.of(2001, 1, 5), 250, 10, null);
		totals.add("B", LocalDate.of(2001, 1, 9), null, null, 12);

		List<YearlyStats> stats = totals.stats()
			.stream()
			.sorted(Comparator.comparing(YearlyStats::stationId).thenComparing(YearlyStats::year))
			.toList();

		assertThat(stats).containsExactly(
				new YearlyStats("A", 2001, new BigDecimal("25.05"), new BigDecimal("1.00"), null, 2, 1, 0, 2,
						LocalDate.of(2001, 1, 5), LocalDate.of(2001, 12, 31)),
				new YearlyStats("A", 2002, new BigDecimal("-0.30"), new BigDecimal("-4.10"), new BigDecimal("0.00"), 1,
						1, 1, 1, LocalDate.of(2002, 1, 1), LocalDate.of(2002, 1, 1)),
				new YearlyStats("B", 2001, new BigDecimal("10.00"), new BigDecimal("-2.00"), new BigDecimal("0.17"), 1,
						1, 2, 2, LocalDate.of(2001, 1, 9), LocalDate.of(2001, 3, 2)));
	}

}
