package com.example.weather.api.jobs;

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
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How the job history ({@code /api/jobs}) and the runs ({@code /api/runs}) read their parameters, without a
 * database: the repositories are mocks because this slice is about parameter handling;
 * {@link JobEndpointIntegrationTests} and {@link IngestRunEndpointIntegrationTests} read a real job repository.
 */
@ParameterSlice({ JobController.class, IngestRunController.class })
class JobParameterTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	JobHistoryRepository jobs;

	@MockitoBean
	IngestRunRepository runs;

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ' ', value = {
			"/api/jobs?status=DONE status",
			"/api/jobs?status= status",
			"/api/jobs?per_page=-1 per_page",
			"/api/jobs?page=0 page",
			"/api/jobs?cursor=abc cursor",
			"/api/jobs?format=pdf format",
			"/api/jobs?job=weatherIngestJob job",
			"/api/jobs/one execution_id",
			"/api/jobs/1?page=1 page",
			"/api/jobs/1/rejects?page=-3 page",
			"/api/jobs/1/rejects?cursor=abc cursor",
			"/api/jobs/1/rejects?per_page=1001 per_page",
			"/api/runs?status=RUNNING status",
			"/api/runs?page=zero page",
			"/api/runs?format=csv format",
			"/api/runs/1/partitions?status=BROKEN status",
			"/api/runs/1/partitions?cursor=abc cursor",
			"/api/runs/x/partitions execution_id" })
	void aBadParameterIsABadRequestNamingItBeforeAnyQuery(String url, String parameter) throws Exception {
		this.mvc.perform(get(url)).andExpect(invalidParameter(parameter));
		verifyNoInteractions(this.jobs, this.runs);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/jobs", "/api/jobs/1", "/api/jobs/1/rejects", "/api/runs", "/api/runs/1",
			"/api/runs/1/partitions" })
	void anUnparsableAcceptIsABadRequestNamingTheHeaderOnListsAndSingleResourcesAlike(String url) throws Exception {
		this.mvc.perform(get(url).header("Accept", "text/")).andExpect(invalidParameter("Accept"));
		verifyNoInteractions(this.jobs, this.runs);
	}

	@Test
	void aStatusIsMatchedIgnoringCaseAndSpaces() throws Exception {
		this.mvc.perform(get("/api/jobs").param("status", " failed "))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data").isEmpty());
		then(this.jobs).should().findPage(eq("FAILED"), any());
		this.mvc.perform(get("/api/runs?status=Completed")).andExpect(status().isOk());
		then(this.runs).should().findPage(eq("COMPLETED"), any());
	}

	@Test
	void theRejectsOfAnUnknownExecutionAreNotFound() throws Exception {
		this.mvc.perform(get("/api/jobs/7/rejects"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void theRejectsAndPartitionsOfAKnownExecutionArePages() throws Exception {
		given(this.jobs.exists(7)).willReturn(true);
		this.mvc.perform(get("/api/jobs/7/rejects?per_page=20"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pagination.per_page").value(20));
		this.mvc.perform(get("/api/runs/7/partitions?status=failed"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pagination.total").value(0));
		then(this.runs).should().findPartitions(eq(7L), eq("FAILED"), any());
	}

	@Test
	void theJobHistoryIsAlsoCsv() throws Exception {
		CsvLists.expectCsvByFormatAndByAccept(this.mvc, "/api/jobs");
	}

}
