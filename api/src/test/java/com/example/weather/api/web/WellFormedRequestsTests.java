package com.example.weather.api.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WellFormedRequestsTests {

	@ParameterizedTest
	@ValueSource(strings = { "station_id=USC00110072&start_date=1985-01-01", "station_id=%E2%82%AC", "a+b=c+d",
			"cursor=MXw1ZjNh", "&&x=1&", "flag", "q=%25" })
	void wellFormedQueriesPass(String query) {
		assertThat(WellFormedRequests.check(query)).isNull();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ' ', value = { "cursor=%%% cursor", "start_date=%ZZ start_date", "%ZZ=1 %ZZ",
			"station_id=%FF%FE station_id", "station_id=%C0%80 station_id", "station_id=USC00110072%00 station_id",
			"x=%0A x", "page=1&per_page=% per_page", "%00=1 %00", "a=%E2%82 a" })
	void malformedQueriesNameTheirParameter(String query, String parameter) {
		BadParameterException problem = WellFormedRequests.check(query);
		assertThat(problem).isNotNull();
		assertThat(problem.parameter()).isEqualTo(parameter);
	}

	@Test
	void decodesStrictly() {
		assertThat(WellFormedRequests.decode("a%20b+c")).isEqualTo("a b c");
		assertThat(WellFormedRequests.decode("%ED%A0%80")).as("a lone surrogate is not UTF-8").isNull();
		assertThat(WellFormedRequests.decode("%2")).isNull();
	}

}
