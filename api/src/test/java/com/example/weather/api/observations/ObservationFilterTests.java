package com.example.weather.api.observations;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.example.weather.api.web.BadParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ObservationFilterTests {

	@Test
	void givenEveryDayOfSixYearsAndTheImpossibleOnes_whenRead_thenAsTheIsoFormatterReadsThem() {
		List<String> values = new ArrayList<>();
		for (int year : new int[] { 0, 1900, 2000, 2023, 2024, 9999 }) {
			for (int month = 0; month <= 13; month++) {
				for (int day = 0; day <= 32; day++) {
					values.add("%04d-%02d-%02d".formatted(year, month, day));
				}
			}
		}
		for (String value : values) {
			assertThat(ObservationFilter.isPlainDate(value)).as(value).isTrue();
			LocalDate expected = isoDate(value);
			if (expected != null) {
				assertThat(ObservationFilter.of(null, value, null).startDate()).as(value).isEqualTo(expected);
			}
			else {
				assertThatExceptionOfType(BadParameterException.class).as(value)
					.isThrownBy(() -> ObservationFilter.of(null, value, null));
			}
		}
	}

	@Test
	void givenWhatIsNotAPlainDate_whenRead_thenTheIsoFormatterStillDecides() {
		assertThat(ObservationFilter.of(null, "2021-01-02Z", "2021-01-03+01:00"))
			.isEqualTo(new ObservationFilter(null, LocalDate.of(2021, 1, 2), LocalDate.of(2021, 1, 3)));
		for (String value : List.of("2021-1-02", "2021/01/02", "20210102", "2021-01-0x", "+2021-01-02", "٢٠٢١-٠١-٠٢",
				"2021-01-02 ", " 2021-01-02")) {
			assertThat(ObservationFilter.isPlainDate(value)).as(value).isFalse();
			assertThatExceptionOfType(BadParameterException.class).as(value)
				.isThrownBy(() -> ObservationFilter.of(null, value, null));
		}
	}

	private static LocalDate isoDate(String value) {
		try {
			return DateTimeFormatter.ISO_DATE.parse(value, LocalDate::from);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
