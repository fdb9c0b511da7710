package com.example.weather.api.stations;

import com.example.weather.api.support.WarehouseTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WarehouseTest
class StationEndpointIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsStationsWithTheSpanAndCountOfTheirObservations() throws Exception {
		this.mvc.perform(get("/api/stations"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[*].station_id").value(contains("ALPHA1", "BRAVO2", "CHARLIE3")))
			.andExpect(jsonPath("$.data[*].first_date").value(contains("2020-12-30", "2021-01-01", "2019-06-15")))
			.andExpect(jsonPath("$.data[*].last_date").value(contains("2021-01-03", "2021-01-03", "2019-06-15")))
			.andExpect(jsonPath("$.data[*].observation_count").value(contains(5, 3, 1)))
			.andExpect(jsonPath("$.pagination.total").value(3));
	}

	@Test
	void getsOneStation() throws Exception {
		this.mvc.perform(get("/api/stations/BRAVO2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.station_id").value("BRAVO2"))
			.andExpect(jsonPath("$.first_date").value("2021-01-01"))
			.andExpect(jsonPath("$.last_date").value("2021-01-03"))
			.andExpect(jsonPath("$.observation_count").value(3));
	}

	@Test
	void anUnknownStationIsNotFound() throws Exception {
		this.mvc.perform(get("/api/stations/NOPE9"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Not found"))
			.andExpect(jsonPath("$.detail").value("No station 'NOPE9'"));
	}

	@Test
	void pagesByNumberAndByCursorAgree() throws Exception {
		String first = body("/api/stations?per_page=1");
		String viaCursor = body("/api/stations?per_page=1&cursor=" + JsonPath.read(first, "$.pagination.next_cursor"));
		assertThat(viaCursor).isEqualTo(body("/api/stations?per_page=1&page=2"));
		assertThat(JsonPath.<String>read(viaCursor, "$.data[0].station_id")).isEqualTo("BRAVO2");
		String last = body("/api/stations?per_page=1&cursor=" + JsonPath.read(viaCursor, "$.pagination.next_cursor"));
		assertThat(last).isEqualTo(body("/api/stations?per_page=1&page=3"));
		assertThat(JsonPath.<String>read(last, "$.data[0].station_id")).isEqualTo("CHARLIE3");
		assertThat(JsonPath.<Object>read(last, "$.pagination.next_cursor")).isNull();
		assertThat(JsonPath.<Integer>read(last, "$.pagination.pages")).isEqualTo(3);
	}

	@Test
	void searchesTheIdsIgnoringCase() throws Exception {
		this.mvc.perform(get("/api/stations?q=rav"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[*].station_id").value(contains("BRAVO2")))
			.andExpect(jsonPath("$.pagination.total").value(1));
		this.mvc.perform(get("/api/stations?q=A&per_page=1"))
			.andExpect(jsonPath("$.data[*].station_id").value(contains("ALPHA1")))
			.andExpect(jsonPath("$.pagination.total").value(3));
		String first = body("/api/stations?q=a&per_page=1");
		String second = body("/api/stations?q=a&per_page=1&cursor=" + JsonPath.read(first, "$.pagination.next_cursor"));
		assertThat(second).isEqualTo(body("/api/stations?q=a&per_page=1&page=2"));
		assertThat(JsonPath.<String>read(second, "$.data[0].station_id")).isEqualTo("BRAVO2");
		// LIKE's wildcards are searched as themselves
		this.mvc.perform(get("/api/stations?q=%25")).andExpect(jsonPath("$.pagination.total").value(0));
		this.mvc.perform(get("/api/stations?q=_")).andExpect(jsonPath("$.pagination.total").value(0));
		this.mvc.perform(get("/api/stations").param("q", "charlie").accept("text/csv"))
			.andExpect(content().string("""
					station_id,first_date,last_date,observation_count\r
					CHARLIE3,2019-06-15,2019-06-15,1\r
					"""));
	}

	@Test
	void aSearchLongerThanAnIdIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/stations").param("q", "X".repeat(41)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("q"));
	}

	@Test
	void streamsCsv() throws Exception {
		this.mvc.perform(get("/api/stations").accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(content().string("""
					station_id,first_date,last_date,observation_count\r
					ALPHA1,2020-12-30,2021-01-03,5\r
					BRAVO2,2021-01-01,2021-01-03,3\r
					CHARLIE3,2019-06-15,2019-06-15,1\r
					"""));
	}

	private String body(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
