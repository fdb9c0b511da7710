package com.example.weather.batch.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YearlyTotalsTests {

	@Test
	void givenDaysOfTwoYearsInAnyOrder_whenSummedUp_thenEachYearHasItsOwnCountsSumsAndDaySpan() {
		YearlyTotals totals = new YearlyTotals("A");
		totals.add(LocalDate.of(2001, 12, 31), 251, null, null);
		totals.add(LocalDate.of(2002, 1, 1), -3, -41, 0);
		totals.add(LocalDate.of(2001, 1, 5), 250, 10, null);
		totals.add(LocalDate.of(2002, 3, 2), null, null, 17);

		List<YearlyStats> stats = totals.stats().stream().sorted(Comparator.comparing(YearlyStats::year)).toList();

		assertThat(stats).containsExactly(
				new YearlyStats("A", 2001, new BigDecimal("25.05"), new BigDecimal("1.00"), null, 2, 1, 0, 2,
						LocalDate.of(2001, 1, 5), LocalDate.of(2001, 12, 31)),
				new YearlyStats("A", 2002, new BigDecimal("-0.30"), new BigDecimal("-4.10"), new BigDecimal("0.17"), 1,
						1, 2, 2, LocalDate.of(2002, 1, 1), LocalDate.of(2002, 3, 2)));
	}

}
