package com.example.weather.api.stats;

import com.example.weather.api.stations.StationRepository;
import com.example.weather.api.support.CsvLists;
import com.example.weather.api.support.ParameterSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static com.example.weather.api.support.Problems.invalidParameter;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How {@code /api/weather/stats} reads its parameters, without a database: the repositories are mocks because
 * this slice is about parameter handling; {@link StatsEndpointIntegrationTests} runs the same requests against
 * PostgreSQL.
 */
@ParameterSlice(StatsController.class)
class StatsParameterTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StatsRepository statistics;

	@MockitoBean
	StationRepository stations;

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ' ', value = {
			"station_id=&year=2021 station_id",
			"year=twenty year",
			"year=2021&start_year=2020 year",
			"year=2021&end_year=2022 year",
			"start_year=2021&end_year=2020 start_year",
			"end_year=later end_year",
			"date=2021-01-01 date",
			"page=0 page",
			"per_page=5000 per_page",
			"cursor=abc cursor",
			"format=xml format" })
	void aBadParameterIsABadRequestNamingItBeforeAnyQuery(String query, String parameter) throws Exception {
		this.mvc.perform(get("/api/weather/stats?" + query)).andExpect(invalidParameter(parameter));
		verifyNoInteractions(this.statistics, this.stations);
	}

	@Test
	void aYearIsARangeOfOneYear() throws Exception {
		this.mvc.perform(get("/api/weather/stats?station_id=ALPHA1&year=2021")).andExpect(status().isOk());
		then(this.statistics).should().findPage(eq(new StatsFilter("ALPHA1", 2021, 2021)), any());
	}

	@Test
	void aYearRangeMayBeOpenOnEitherSide() throws Exception {
		this.mvc.perform(get("/api/weather/stats?start_year=2000")).andExpect(status().isOk());
		then(this.statistics).should().findPage(eq(new StatsFilter(null, 2000, null)), any());
		this.mvc.perform(get("/api/weather/stats?end_year=1990")).andExpect(status().isOk());
		then(this.statistics).should().findPage(eq(new StatsFilter(null, null, 1990)), any());
	}

	@Test
	void csvIsChosenByFormatOrByAccept() throws Exception {
		CsvLists.expectCsvByFormatAndByAccept(this.mvc, "/api/weather/stats");
	}

}
