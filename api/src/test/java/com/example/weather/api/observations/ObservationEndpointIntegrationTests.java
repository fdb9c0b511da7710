package com.example.weather.api.observations;

import java.util.ArrayList;
import java.util.List;

import com.example.weather.api.support.WarehouseTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/weather} on the fixture files: ALPHA1 (5 days over 2020-2021), BRAVO2 (3 days of 2021),
 * CHARLIE3 (1 day, every value missing).
 */
@WarehouseTest
class ObservationEndpointIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsEveryObservationOrderedByStationThenDate() throws Exception {
		this.mvc.perform(get("/api/weather"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(jsonPath("$.data[*].station_id").value(contains("ALPHA1", "ALPHA1", "ALPHA1", "ALPHA1",
					"ALPHA1", "BRAVO2", "BRAVO2", "BRAVO2", "CHARLIE3")))
			.andExpect(jsonPath("$.data[*].date").value(contains("2020-12-30", "2020-12-31", "2021-01-01",
					"2021-01-02", "2021-01-03", "2021-01-01", "2021-01-02", "2021-01-03", "2019-06-15")))
			.andExpect(jsonPath("$.pagination.page").value(1))
			.andExpect(jsonPath("$.pagination.per_page").value(50))
			.andExpect(jsonPath("$.pagination.total").value(9))
			.andExpect(jsonPath("$.pagination.pages").value(1))
			.andExpect(jsonPath("$.pagination.has_next").value(false))
			.andExpect(jsonPath("$.pagination.has_prev").value(false))
			.andExpect(jsonPath("$.pagination.next_cursor").value(nullValue()));
	}

	@Test
	void convertsTenthsToDegreesAndMillimetresAndSplitsQualityFlags() throws Exception {
		this.mvc.perform(get("/api/weather?station_id=ALPHA1&start_date=2021-01-03&end_date=2021-01-03"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.length()").value(1))
			.andExpect(jsonPath("$.data[0].max_temp_c").value(46.0))
			.andExpect(jsonPath("$.data[0].min_temp_c").value(20.0))
			.andExpect(jsonPath("$.data[0].precipitation_mm").value(350.0))
			.andExpect(jsonPath("$.data[0].quality_flags").value(contains("EXTREME_HEAT", "EXTREME_PRECIPITATION")));
		this.mvc.perform(get("/api/weather?station_id=ALPHA1&start_date=2020-12-31&end_date=2020-12-31"))
			.andExpect(jsonPath("$.data[0].max_temp_c").value(-2.0))
			.andExpect(jsonPath("$.data[0].min_temp_c").value(-8.0))
			.andExpect(jsonPath("$.data[0].precipitation_mm").value(2.5))
			.andExpect(jsonPath("$.data[0].quality_flags").value(empty()));
	}

	@Test
	void reportsMissingValuesAsNull() throws Exception {
		this.mvc.perform(get("/api/weather?station_id=CHARLIE3"))
			.andExpect(jsonPath("$.data.length()").value(1))
			.andExpect(jsonPath("$.data[0].date").value("2019-06-15"))
			.andExpect(jsonPath("$.data[0].max_temp_c").value(nullValue()))
			.andExpect(jsonPath("$.data[0].min_temp_c").value(nullValue()))
			.andExpect(jsonPath("$.data[0].precipitation_mm").value(nullValue()));
		this.mvc.perform(get("/api/weather?station_id=ALPHA1&start_date=2021-01-01&end_date=2021-01-01"))
			.andExpect(jsonPath("$.data[0].max_temp_c").value(nullValue()))
			.andExpect(jsonPath("$.data[0].min_temp_c").value(-10.0))
			.andExpect(jsonPath("$.data[0].precipitation_mm").value(nullValue()));
	}

	@Test
	void filtersByStation() throws Exception {
		this.mvc.perform(get("/api/weather?station_id=BRAVO2"))
			.andExpect(jsonPath("$.data[*].date").value(contains("2021-01-01", "2021-01-02", "2021-01-03")))
			.andExpect(jsonPath("$.data[1].max_temp_c").value(26.0))
			.andExpect(jsonPath("$.data[1].precipitation_mm").value(nullValue()))
			.andExpect(jsonPath("$.pagination.total").value(3));
	}

	@Test
	void filtersByInclusiveDateRangeAcrossStations() throws Exception {
		this.mvc.perform(get("/api/weather?start_date=2021-01-02&end_date=2021-01-03"))
			.andExpect(jsonPath("$.data[*].station_id").value(contains("ALPHA1", "ALPHA1", "BRAVO2", "BRAVO2")))
			.andExpect(jsonPath("$.data[*].date").value(contains("2021-01-02", "2021-01-03", "2021-01-02",
					"2021-01-03")))
			.andExpect(jsonPath("$.pagination.total").value(4));
		this.mvc.perform(get("/api/weather?start_date=2021-01-03"))
			.andExpect(jsonPath("$.pagination.total").value(2));
		this.mvc.perform(get("/api/weather?end_date=2020-12-31"))
			.andExpect(jsonPath("$.data[*].date").value(contains("2020-12-30", "2020-12-31", "2019-06-15")));
	}

	@Test
	void aKnownStationWithoutDataInTheRangeIsAnEmptyList() throws Exception {
		this.mvc.perform(get("/api/weather?station_id=BRAVO2&start_date=1990-01-01&end_date=1990-12-31"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data").value(empty()))
			.andExpect(jsonPath("$.pagination.total").value(0))
			.andExpect(jsonPath("$.pagination.pages").value(0));
	}

	@Test
	void anUnknownStationIsNotFound() throws Exception {
		this.mvc.perform(get("/api/weather?station_id=NOPE9"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("No station 'NOPE9'"));
	}

	@Test
	void pagesByNumber() throws Exception {
		this.mvc.perform(get("/api/weather?per_page=4&page=2"))
			.andExpect(jsonPath("$.data[*].date").value(contains("2021-01-03", "2021-01-01", "2021-01-02",
					"2021-01-03")))
			.andExpect(jsonPath("$.data[0].station_id").value("ALPHA1"))
			.andExpect(jsonPath("$.data[1].station_id").value("BRAVO2"))
			.andExpect(jsonPath("$.pagination.page").value(2))
			.andExpect(jsonPath("$.pagination.total").value(9))
			.andExpect(jsonPath("$.pagination.pages").value(3))
			.andExpect(jsonPath("$.pagination.has_next").value(true))
			.andExpect(jsonPath("$.pagination.has_prev").value(true));
		this.mvc.perform(get("/api/weather?per_page=4&page=3"))
			.andExpect(jsonPath("$.data[*].station_id").value(contains("CHARLIE3")))
			.andExpect(jsonPath("$.pagination.has_next").value(false))
			.andExpect(jsonPath("$.pagination.next_cursor").value(nullValue()));
		this.mvc.perform(get("/api/weather?per_page=4&page=4"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data").value(empty()))
			.andExpect(jsonPath("$.pagination.has_prev").value(true));
	}

	@Test
	void walkingByCursorGivesTheSamePagesAsWalkingByNumber() throws Exception {
		for (String filter : List.of("", "&station_id=ALPHA1", "&start_date=2021-01-01")) {
			List<String> byNumber = new ArrayList<>();
			List<String> byCursor = new ArrayList<>();
			String cursor = null;
			int page = 1;
			do {
				String numbered = this.mvc.perform(get("/api/weather?per_page=2&page=" + page + filter))
					.andReturn()
					.getResponse()
					.getContentAsString();
				String url = "/api/weather?per_page=2" + filter + ((cursor != null) ? "&cursor=" + cursor : "");
				String cursored = this.mvc.perform(get(url))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(JsonPath.<Object>read(cursored, "$.data")).isEqualTo(JsonPath.read(numbered, "$.data"));
				assertThat(JsonPath.<Object>read(cursored, "$.pagination"))
					.isEqualTo(JsonPath.read(numbered, "$.pagination"));
				byNumber.addAll(JsonPath.read(numbered, "$.data[*].date"));
				byCursor.addAll(JsonPath.read(cursored, "$.data[*].date"));
				cursor = JsonPath.read(cursored, "$.pagination.next_cursor");
				page++;
			}
			while (cursor != null);
			assertThat(byCursor).isEqualTo(byNumber);
			long total = ((Number) JsonPath.read(this.mvc.perform(get("/api/weather?per_page=2" + filter))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.pagination.total")).longValue();
			assertThat(byCursor).hasSize((int) total);
			assertThat(page - 1).isEqualTo((total + 1) / 2);
		}
	}

	@Test
	void streamsTheWholeFilteredListAsCsvWhenAsked() throws Exception {
		String expected = """
				station_id,date,max_temp_c,min_temp_c,precipitation_mm,quality_flags\r
				ALPHA1,2021-01-02,3.0,6.0,12.0,MAX_BELOW_MIN\r
				ALPHA1,2021-01-03,46.0,20.0,350.0,EXTREME_HEAT EXTREME_PRECIPITATION\r
				BRAVO2,2021-01-02,26.0,16.0,,\r
				BRAVO2,2021-01-03,27.0,17.0,0.0,\r
				""";
		// per_page and page do not cut a CSV export: it is the whole filtered range
		this.mvc.perform(get("/api/weather?start_date=2021-01-02&per_page=1&format=csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"weather.csv\""))
			.andExpect(content().string(expected));
		this.mvc.perform(get("/api/weather?start_date=2021-01-02").accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(content().string(expected));
	}

	@Test
	void csvOfAllObservationsHasAHeaderAndOneLinePerDay() throws Exception {
		String csv = this.mvc.perform(get("/api/weather").header("Accept", "text/csv, application/json;q=0.5"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(List.of(csv.split("\r\n"))).hasSize(10).last().isEqualTo("CHARLIE3,2019-06-15,,,,");
	}

}
