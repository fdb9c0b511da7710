package com.example.weather.batch.ingest;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeenDatesTests {

	@Test
	void givenThirtyYearsOfConsecutiveDays_whenSaved_thenTheyTakeOneRange() {
		SeenDates seen = new SeenDates();
		for (LocalDate day = LocalDate.of(1985, 1, 1); day.getYear() < 2015; day = day.plusDays(1)) {
			seen.add(day);
		}

		assertThat(seen.toRanges()).isEqualTo(LocalDate.of(1985, 1, 1).toEpochDay() + "-"
				+ LocalDate.of(2014, 12, 31).toEpochDay());
	}

	@Test
	void givenDatesWithGaps_whenSavedAndRestored_thenExactlyThoseDatesAreKnown() {
		SeenDates seen = new SeenDates();
		seen.add(LocalDate.of(1969, 12, 31));
		seen.add(LocalDate.of(2001, 3, 1));
		seen.add(LocalDate.of(2001, 3, 2));

		SeenDates restored = SeenDates.fromRanges(seen.toRanges());

		assertThat(restored.add(LocalDate.of(1969, 12, 31))).isFalse();
		assertThat(restored.add(LocalDate.of(2001, 3, 2))).isFalse();
		assertThat(restored.add(LocalDate.of(2001, 3, 3))).isTrue();
		assertThat(restored.add(LocalDate.of(1970, 1, 1))).isTrue();
	}

}
