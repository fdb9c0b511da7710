package com.example.weather.api.web;

import com.example.weather.api.support.WarehouseTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static com.example.weather.api.support.Problems.invalidParameter;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every kind of bad input is a 400 problem naming the offending parameter, never a 500.
 */
@WarehouseTest
class BadRequestIntegrationTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ' ', value = {
			"/api/weather?start_date=2021-13-01 start_date",
			"/api/weather?end_date=yesterday end_date",
			"/api/weather?start_date=2021-02-30 start_date",
			"/api/weather?start_date=2021-01-03&end_date=2021-01-01 start_date",
			"/api/weather?per_page=0 per_page",
			"/api/weather?per_page=1001 per_page",
			"/api/weather?per_page=many per_page",
			"/api/weather?page=0 page",
			"/api/weather?cursor=not-a-cursor cursor",
			"/api/weather?cursor=%25%25%25 cursor",
			"/api/weather?stationid=ALPHA1 stationid",
			"/api/weather?station_id= station_id",
			"/api/weather/stats?station_id=&year=2021 station_id",
			"/api/weather?format=xml format",
			"/api/weather/stats?year=twenty year",
			"/api/weather/stats?year=2021&start_year=2020 year",
			"/api/weather/stats?start_year=2021&end_year=2020 start_year",
			"/api/weather/stats?per_page=5000 per_page",
			"/api/weather/stats?date=2021-01-01 date",
			"/api/stations?station_id=ALPHA1 station_id",
			"/api/stations?cursor=MXx4fDJ8QQ cursor",
			"/api/stations/ALPHA1?page=2 page",
			"/api/jobs?status=DONE status",
			"/api/jobs?per_page=-1 per_page",
			"/api/jobs/1/rejects?page=-3 page",
			"/api/jobs/1/rejects?cursor=abc cursor" })
	void badInputIsABadRequestNamingTheParameter(String url, String parameter) throws Exception {
		this.mvc.perform(get(url)).andExpect(invalidParameter(parameter));
	}

	@Test
	void aCursorIsOnlyValidForTheFiltersAndPageSizeItWasIssuedFor() throws Exception {
		String cursor = JsonPath.read(this.mvc.perform(get("/api/weather?per_page=2&station_id=ALPHA1"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.pagination.next_cursor");
		this.mvc.perform(get("/api/weather?per_page=2&station_id=ALPHA1&cursor=" + cursor)).andExpect(status().isOk());
		this.mvc.perform(get("/api/weather?per_page=2&station_id=BRAVO2&cursor=" + cursor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("cursor"));
		this.mvc.perform(get("/api/weather?per_page=3&station_id=ALPHA1&cursor=" + cursor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("cursor"));
		this.mvc.perform(get("/api/weather?per_page=2&station_id=ALPHA1&page=2&cursor=" + cursor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("cursor"));
		// a cursor of another list does not fit either
		this.mvc.perform(get("/api/weather/stats?per_page=2&station_id=ALPHA1&cursor=" + cursor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("cursor"));
	}

	@Test
	void anUnknownPathIsANotFoundProblem() throws Exception {
		this.mvc.perform(get("/api/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void aProblemIsSentEvenToAClientThatAskedForCsv() throws Exception {
		this.mvc.perform(get("/api/weather?start_date=bad").accept("text/csv"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("start_date"));
	}

}
