package com.example.weather.api.observations;

import java.time.LocalDate;

import com.example.weather.api.stations.StationRepository;
import com.example.weather.api.support.CsvLists;
import com.example.weather.api.support.ParameterSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static com.example.weather.api.support.Problems.invalidParameter;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How {@code /api/weather} reads its parameters, without a database: the repositories are mocks because this
 * slice is about parameter handling; {@link ObservationEndpointIntegrationTests} and the other full tests run the
 * same requests against PostgreSQL.
 */
@ParameterSlice(ObservationController.class)
class ObservationParameterTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ObservationRepository observations;

	@MockitoBean
	StationRepository stations;

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ' ', value = {
			"start_date=2021-13-01 start_date",
			"end_date=yesterday end_date",
			"start_date=2021-02-30 start_date",
			"start_date=2021-01-03&end_date=2021-01-01 start_date",
			"station_id= station_id",
			"stationid=ALPHA1 stationid",
			"page=0 page",
			"page=first page",
			"per_page=0 per_page",
			"per_page=1001 per_page",
			"per_page=many per_page",
			"cursor=not-a-cursor cursor",
			"cursor=%25%25%25 cursor",
			"format=xml format" })
	void aBadParameterIsABadRequestNamingItBeforeAnyQuery(String query, String parameter) throws Exception {
		this.mvc.perform(get("/api/weather?" + query)).andExpect(invalidParameter(parameter));
		verifyNoInteractions(this.observations, this.stations);
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "foo", "text/", "not a media type", ";;;", "text/csv;q=x, application/json" })
	void anUnparsableAcceptIsABadRequestNamingTheHeaderBeforeAnyQuery(String accept) throws Exception {
		this.mvc.perform(get("/api/weather").header("Accept", accept)).andExpect(invalidParameter("Accept"));
		this.mvc.perform(get("/api/weather?format=csv").header("Accept", accept)).andExpect(invalidParameter("Accept"));
		verifyNoInteractions(this.observations, this.stations);
	}

	@Test
	void anAcceptAdmittingNeitherJsonNorCsvIsNotAcceptable() throws Exception {
		this.mvc.perform(get("/api/weather").accept("application/xml"))
			.andExpect(status().isNotAcceptable())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("Accept"));
	}

	@Test
	void validParametersReachTheRepositoryAsOneFilter() throws Exception {
		this.mvc.perform(get("/api/weather?station_id=ALPHA1&start_date=2021-01-01&end_date=2021-01-31&page=2&per_page=10"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/json"))
			.andExpect(jsonPath("$.data").isEmpty())
			.andExpect(jsonPath("$.pagination.page").value(2))
			.andExpect(jsonPath("$.pagination.per_page").value(10));
		ObservationFilter filter = new ObservationFilter("ALPHA1", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 31));
		then(this.observations).should().findPage(eq(filter), any());
	}

	// text binds through web/RequestParameterEditors, numbers through the conversion service: both as Spring MVC's own
	@Test
	void aTextParameterReachesTheFilterAsGivenARepeatedOneJoinedAndARepeatedNumberByItsFirstValue()
			throws Exception {
		this.mvc
			.perform(get("/api/weather").param("station_id", "ALPHA1 ")
				.param("end_date", "2021-01-31")
				.param("page", "2", "3")
				.param("per_page", "10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pagination.page").value(2));
		this.mvc.perform(get("/api/weather").param("station_id", "ALPHA1", "BRAVO2")).andExpect(status().isOk());

		then(this.observations).should().findPage(eq(new ObservationFilter("ALPHA1 ", null, LocalDate.of(2021, 1, 31))),
				any());
		then(this.observations).should().findPage(eq(new ObservationFilter("ALPHA1,BRAVO2", null, null)), any());
	}

	@Test
	void csvIsChosenByFormatOrByAccept() throws Exception {
		CsvLists.expectCsvByFormatAndByAccept(this.mvc, "/api/weather");
	}

}
