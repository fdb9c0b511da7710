package com.example.weather.api.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ListFormatTests {

	@Test
	void theFormatParameterWinsOverTheAcceptHeader() {
		assertThat(ListFormat.of("csv", "application/json")).isEqualTo(ListFormat.CSV);
		assertThat(ListFormat.of("JSON", "text/csv")).isEqualTo(ListFormat.JSON);
		assertThatExceptionOfType(BadParameterException.class).isThrownBy(() -> ListFormat.of("xml", null));
	}

	@Test
	void followsTheClientsPreferenceAndDefaultsToJson() {
		assertThat(ListFormat.of(null, null)).isEqualTo(ListFormat.JSON);
		assertThat(ListFormat.of(null, "*/*")).isEqualTo(ListFormat.JSON);
		assertThat(ListFormat.of(null, "text/csv")).isEqualTo(ListFormat.CSV);
		assertThat(ListFormat.of(null, "application/json, text/csv;q=0.5")).isEqualTo(ListFormat.JSON);
		assertThat(ListFormat.of(null, "application/json;q=0.5, text/csv")).isEqualTo(ListFormat.CSV);
		assertThat(ListFormat.of(null, "text/*")).isEqualTo(ListFormat.CSV);
	}

	@Test
	void anAcceptThatAdmitsNeitherRepresentationIsNotAcceptableAndAMalformedOneIsABadRequest() {
		assertThatExceptionOfType(NotAcceptableException.class)
			.isThrownBy(() -> ListFormat.of(null, "application/xml"));
		assertThatExceptionOfType(NotAcceptableException.class)
			.isThrownBy(() -> ListFormat.of(null, "application/json;q=0"));
		assertThatExceptionOfType(BadParameterException.class).isThrownBy(() -> ListFormat.of(null, "not a media type"))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("Accept"));
	}

	@Test
	void quotesCsvValuesOnlyWhenNeeded() {
		assertThat(CsvOutput.escape(null)).isEmpty();
		assertThat(CsvOutput.escape("plain")).isEqualTo("plain");
		assertThat(CsvOutput.escape("a, b")).isEqualTo("\"a, b\"");
		assertThat(CsvOutput.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
	}

}
