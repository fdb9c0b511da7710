package com.example.weather.batch.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.example.weather.batch.IngestJobTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The averages {@link StationYearTotals} computes are those PostgreSQL's {@code ROUND} gives for the exact quotient, as
 * the statistics were computed in SQL before, and as a DBA would check them with {@code AVG}.
 */
class StationYearTotalsIntegrationTests extends IngestJobTestSupport {

	@Test
	void givenSumsAndDaysOfAnyYear_whenAveraged_thenTheyAreWhatPostgresRoundsTheExactQuotientTo() {
		Random random = new Random(12);
		List<Long> sums = new ArrayList<>();
		List<Integer> days = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			int n = 1 + random.nextInt(366);
			days.add(n);
			// tenths of a degree, -70 to 70 degrees a day; every fourth one a multiple of 5, near a tie
			long sum = (long) (random.nextDouble() * 1400 - 700) * n;
			sums.add((i % 4 == 0) ? sum / 5 * 5 + n / 2 : sum + random.nextInt(10));
		}

		List<BigDecimal> postgres = this.jdbc.queryForList("""
				SELECT ROUND(CAST(s AS DECIMAL(14, 4)) / d / 10, 2)
				FROM unnest(CAST(? AS BIGINT[]), CAST(? AS INTEGER[])) WITH ORDINALITY AS t(s, d, i) ORDER BY i""",
				BigDecimal.class, sums.toArray(Long[]::new), days.toArray(Integer[]::new));

		for (int i = 0; i < sums.size(); i++) {
			assertThat(StationYearTotals.average(sums.get(i), days.get(i)))
				.as("%d tenths over %d days", sums.get(i), days.get(i))
				.isEqualTo(postgres.get(i));
		}
	}

	@Test
	void givenAHalfWayAverage_whenRounded_thenItGoesAwayFromZero() {
		assertThat(StationYearTotals.average(1, 20)).isEqualTo(new BigDecimal("0.01"));
		assertThat(StationYearTotals.average(-1, 20)).isEqualTo(new BigDecimal("-0.01"));
		assertThat(StationYearTotals.average(2, 3)).isEqualTo(new BigDecimal("0.07"));
		assertThat(StationYearTotals.average(7, 0)).isNull();
	}

}
