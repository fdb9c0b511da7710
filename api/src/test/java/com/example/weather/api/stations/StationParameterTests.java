package com.example.weather.api.stations;

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
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How {@code /api/stations} reads its parameters, without a database: the repository is a mock because this
 * slice is about parameter handling; {@link StationEndpointIntegrationTests} runs the same requests against
 * PostgreSQL.
 */
@ParameterSlice(StationController.class)
class StationParameterTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StationRepository stations;

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ' ', value = {
			"q=ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNO q",
			"station_id=ALPHA1 station_id",
			"page=0 page",
			"per_page=1001 per_page",
			"per_page=-1 per_page",
			"cursor=MXx4fDJ8QQ cursor",
			"format=html format" })
	void aBadParameterIsABadRequestNamingItBeforeAnyQuery(String query, String parameter) throws Exception {
		this.mvc.perform(get("/api/stations?" + query)).andExpect(invalidParameter(parameter));
		verifyNoInteractions(this.stations);
	}

	@Test
	void aStationPageTakesNoParameters() throws Exception {
		this.mvc.perform(get("/api/stations/ALPHA1?page=2")).andExpect(invalidParameter("page"));
		verifyNoInteractions(this.stations);
	}

	@Test
	void theSearchIsStrippedAndABlankOneListsEveryStation() throws Exception {
		this.mvc.perform(get("/api/stations").param("q", " usc00 ").param("per_page", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pagination.per_page").value(5));
		then(this.stations).should().findPage(eq("usc00"), any());
		this.mvc.perform(get("/api/stations").param("q", "  ")).andExpect(status().isOk());
		then(this.stations).should().findPage(isNull(), any());
	}

	@Test
	void csvIsChosenByFormatOrByAccept() throws Exception {
		CsvLists.expectCsvByFormatAndByAccept(this.mvc, "/api/stations");
	}

}
