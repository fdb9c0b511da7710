package com.example.weather.api.stats;

import com.example.weather.api.support.WarehouseTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/weather/stats}; the expected values are worked out by hand from the fixture files.
 */
@WarehouseTest
class StatsEndpointIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsEveryStationYearOrderedByStationThenYear() throws Exception {
		this.mvc.perform(get("/api/weather/stats"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[*].station_id").value(contains("ALPHA1", "ALPHA1", "BRAVO2", "CHARLIE3")))
			.andExpect(jsonPath("$.data[*].year").value(contains(2020, 2021, 2021, 2019)))
			.andExpect(jsonPath("$.pagination.total").value(4));
	}

	@Test
	void averagesAndTotalsCountOnlyDaysWithAValue() throws Exception {
		// ALPHA1 2021: max 3.0 and 46.0 (one day missing), min -10.0, 6.0, 20.0, precipitation 12 + 350 mm
		this.mvc.perform(get("/api/weather/stats?station_id=ALPHA1&year=2021"))
			.andExpect(jsonPath("$.data.length()").value(1))
			.andExpect(jsonPath("$.data[0].avg_max_temp_c").value(24.5))
			.andExpect(jsonPath("$.data[0].avg_min_temp_c").value(5.33))
			.andExpect(jsonPath("$.data[0].total_precipitation_cm").value(36.2))
			.andExpect(jsonPath("$.data[0].max_temp_days").value(2))
			.andExpect(jsonPath("$.data[0].min_temp_days").value(3))
			.andExpect(jsonPath("$.data[0].precipitation_days").value(2));
		this.mvc.perform(get("/api/weather/stats?station_id=ALPHA1&year=2020"))
			.andExpect(jsonPath("$.data[0].avg_max_temp_c").value(4.0))
			.andExpect(jsonPath("$.data[0].avg_min_temp_c").value(-1.5))
			.andExpect(jsonPath("$.data[0].total_precipitation_cm").value(0.25));
	}

	@Test
	void aYearWithoutAnyValueHasNullAveragesAndZeroDays() throws Exception {
		this.mvc.perform(get("/api/weather/stats?station_id=CHARLIE3"))
			.andExpect(jsonPath("$.data[0].year").value(2019))
			.andExpect(jsonPath("$.data[0].avg_max_temp_c").value(nullValue()))
			.andExpect(jsonPath("$.data[0].avg_min_temp_c").value(nullValue()))
			.andExpect(jsonPath("$.data[0].total_precipitation_cm").value(nullValue()))
			.andExpect(jsonPath("$.data[0].max_temp_days").value(0))
			.andExpect(jsonPath("$.data[0].precipitation_days").value(0));
	}

	@Test
	void filtersByYearAndByYearRange() throws Exception {
		this.mvc.perform(get("/api/weather/stats?year=2021"))
			.andExpect(jsonPath("$.data[*].station_id").value(contains("ALPHA1", "BRAVO2")))
			.andExpect(jsonPath("$.data[1].avg_max_temp_c").value(26.0))
			.andExpect(jsonPath("$.data[1].total_precipitation_cm").value(0.1));
		this.mvc.perform(get("/api/weather/stats?start_year=2019&end_year=2020"))
			.andExpect(jsonPath("$.data[*].station_id").value(contains("ALPHA1", "CHARLIE3")))
			.andExpect(jsonPath("$.data[*].year").value(contains(2020, 2019)));
		this.mvc.perform(get("/api/weather/stats?start_year=2021"))
			.andExpect(jsonPath("$.pagination.total").value(2));
		this.mvc.perform(get("/api/weather/stats?end_year=2019"))
			.andExpect(jsonPath("$.data[*].station_id").value(contains("CHARLIE3")));
	}

	@Test
	void pagesByNumberAndByCursorAgree() throws Exception {
		String first = body("/api/weather/stats?per_page=3");
		assertThat(JsonPath.<Object>read(first, "$.data[*].year")).asString().isEqualTo("[2020,2021,2021]");
		assertThat(JsonPath.<Boolean>read(first, "$.pagination.has_next")).isTrue();
		String cursor = JsonPath.read(first, "$.pagination.next_cursor");
		String second = body("/api/weather/stats?per_page=3&cursor=" + cursor);
		assertThat(second).isEqualTo(body("/api/weather/stats?per_page=3&page=2"));
		assertThat(JsonPath.<Object>read(second, "$.data[*].station_id")).asString().isEqualTo("[\"CHARLIE3\"]");
		assertThat(JsonPath.<Integer>read(second, "$.pagination.page")).isEqualTo(2);
		assertThat(JsonPath.<Boolean>read(second, "$.pagination.has_prev")).isTrue();
	}

	@Test
	void streamsCsv() throws Exception {
		this.mvc.perform(get("/api/weather/stats?year=2021&format=csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string("""
					station_id,year,avg_max_temp_c,avg_min_temp_c,total_precipitation_cm,max_temp_days,min_temp_days,\
					precipitation_days\r
					ALPHA1,2021,24.50,5.33,36.20,2,3,2\r
					BRAVO2,2021,26.00,16.00,0.10,3,3,2\r
					"""));
	}

	@Test
	void anUnknownStationIsNotFound() throws Exception {
		this.mvc.perform(get("/api/weather/stats?station_id=NOPE9"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
		this.mvc.perform(get("/api/weather/stats?station_id=ALPHA1&year=1990"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pagination.total").value(0));
	}

	private String body(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
