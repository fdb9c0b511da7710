package com.example.weather.api.jobs;

import java.util.ArrayList;
import java.util.List;

import com.example.weather.api.support.LoadedWarehouse;
import com.example.weather.api.support.WarehouseTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The job history: execution 1 loaded the fixture files for 2026-11-24, execution 2 read them again (force=true) for
 * 2026-11-25 and changed nothing. Each rejected the same 3 lines.
 */
@WarehouseTest
class JobEndpointIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsExecutionsNewestFirstWithParametersAndTheJobsOwnSteps() throws Exception {
		this.mvc.perform(get("/api/jobs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[*].execution_id").value(contains(2, 1)))
			.andExpect(jsonPath("$.data[*].status").value(contains("COMPLETED", "COMPLETED")))
			.andExpect(jsonPath("$.data[*].exit_code").value(contains("COMPLETED", "COMPLETED")))
			.andExpect(jsonPath("$.data[0].job_name").value("weatherIngestJob"))
			.andExpect(jsonPath("$.data[0].start_time").value(notNullValue()))
			.andExpect(jsonPath("$.data[0].end_time").value(notNullValue()))
			.andExpect(jsonPath("$.data[0].parameters[*].name").value(contains("force", "run.date")))
			.andExpect(jsonPath("$.data[0].parameters[1].type").value("java.time.LocalDate"))
			.andExpect(jsonPath("$.data[0].parameters[1].value").value(LoadedWarehouse.SECOND_RUN_DATE))
			.andExpect(jsonPath("$.data[0].parameters[1].identifying").value(true))
			.andExpect(jsonPath("$.data[0].parameters[0].value").value("true"))
			.andExpect(jsonPath("$.data[1].parameters[*].name").value(contains("run.date")))
			.andExpect(jsonPath("$.data[1].parameters[0].value").value(LoadedWarehouse.FIRST_RUN_DATE))
			.andExpect(jsonPath("$.data[1].steps[*].step_name").value(contains("ingestFiles", "refreshYearlyStats")))
			.andExpect(jsonPath("$.data[1].steps[0].read_count").value(12))
			.andExpect(jsonPath("$.data[1].steps[0].write_count").value(12))
			.andExpect(jsonPath("$.data[1].steps[0].commit_count").value(3))
			.andExpect(jsonPath("$.data[1].steps[0].rollback_count").value(0))
			.andExpect(jsonPath("$.data[1].steps[0].skip_count").value(0))
			// the first run computed 4 station-years, the second found nothing changed
			.andExpect(jsonPath("$.data[1].steps[1].write_count").value(0))
			.andExpect(jsonPath("$.data[0].steps[1].write_count").value(4))
			.andExpect(jsonPath("$.data[0].partitions").doesNotExist())
			.andExpect(jsonPath("$.pagination.total").value(2));
	}

	@Test
	void filtersByStatus() throws Exception {
		this.mvc.perform(get("/api/jobs?status=COMPLETED"))
			.andExpect(jsonPath("$.pagination.total").value(2));
		this.mvc.perform(get("/api/jobs?status=failed"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data").value(empty()))
			.andExpect(jsonPath("$.pagination.total").value(0));
	}

	@Test
	void pagesByNumberAndByCursorAgree() throws Exception {
		String first = body("/api/jobs?per_page=1");
		assertThat(JsonPath.<Integer>read(first, "$.data[0].execution_id")).isEqualTo(2);
		String second = body("/api/jobs?per_page=1&cursor=" + JsonPath.read(first, "$.pagination.next_cursor"));
		assertThat(second).isEqualTo(body("/api/jobs?per_page=1&page=2"));
		assertThat(JsonPath.<Integer>read(second, "$.data[0].execution_id")).isEqualTo(1);
		assertThat(JsonPath.<Object>read(second, "$.pagination.next_cursor")).isNull();
	}

	@Test
	void getsOneExecutionWithEveryPartition() throws Exception {
		this.mvc.perform(get("/api/jobs/1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.execution_id").value(1))
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.parameters[0].value").value(LoadedWarehouse.FIRST_RUN_DATE))
			.andExpect(jsonPath("$.steps[*].step_name").value(contains("ingestFiles", "refreshYearlyStats")))
			.andExpect(jsonPath("$.partitions[?(@.step_name =~ /ingestFile:.*/)].step_name").value(
					containsInAnyOrder("ingestFile:ALPHA1.txt", "ingestFile:BRAVO2.txt", "ingestFile:CHARLIE3.txt")))
			// new stations: their statistics were written with their rows, none left to refresh
			.andExpect(jsonPath("$.partitions[?(@.step_name =~ /refreshStationStats:.*/)]").isEmpty())
			.andExpect(jsonPath("$.partitions[?(@.step_name == 'ingestFile:ALPHA1.txt')].read_count").value(contains(7)))
			.andExpect(jsonPath("$.partitions[?(@.step_name == 'ingestFile:BRAVO2.txt')].read_count").value(contains(4)));
		// the statistics in two ranges of two station-years each: ALPHA1 has two years, the others one
		this.mvc.perform(get("/api/jobs/2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partitions[?(@.step_name =~ /refreshStationStats:.*/)].step_name").value(
					containsInAnyOrder("refreshStationStats:ALPHA1", "refreshStationStats:BRAVO2..CHARLIE3")));
	}

	@Test
	void anUnknownExecutionIsNotFound() throws Exception {
		this.mvc.perform(get("/api/jobs/999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("No job execution 999"));
		this.mvc.perform(get("/api/jobs/999/rejects")).andExpect(status().isNotFound());
	}

	@Test
	void aNonNumericExecutionIdIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/jobs/latest"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("execution_id"));
	}

	@Test
	void listsTheRejectedLinesOfAnExecution() throws Exception {
		this.mvc.perform(get("/api/jobs/1/rejects"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pagination.total").value(3))
			.andExpect(jsonPath("$.data[*].reason_code").value(
					containsInAnyOrder("UNPARSEABLE_FIELD", "DUPLICATE_DATE", "WRONG_FIELD_COUNT")))
			.andExpect(jsonPath("$.data[?(@.reason_code == 'UNPARSEABLE_FIELD')].file_name").value(contains("ALPHA1.txt")))
			.andExpect(jsonPath("$.data[?(@.reason_code == 'UNPARSEABLE_FIELD')].line_number").value(contains(6)))
			.andExpect(jsonPath("$.data[?(@.reason_code == 'UNPARSEABLE_FIELD')].line")
				.value(contains("20210104\t  abc\t    1\t    2")))
			.andExpect(jsonPath("$.data[?(@.reason_code == 'UNPARSEABLE_FIELD')].reason")
				.value(contains("a field is not an integer: max temperature 'abc'")))
			.andExpect(jsonPath("$.data[?(@.reason_code == 'WRONG_FIELD_COUNT')].file_name").value(contains("BRAVO2.txt")))
			.andExpect(jsonPath("$.data[?(@.reason_code == 'DUPLICATE_DATE')].line_number").value(contains(7)));
	}

	@Test
	void pagesRejectsByNumberAndByCursorAlike() throws Exception {
		List<Integer> byNumber = new ArrayList<>();
		for (int page = 1; page <= 2; page++) {
			byNumber.addAll(JsonPath.read(body("/api/jobs/2/rejects?per_page=2&page=" + page), "$.data[*].reject_id"));
		}
		String first = body("/api/jobs/2/rejects?per_page=2");
		String second = body("/api/jobs/2/rejects?per_page=2&cursor=" + JsonPath.read(first, "$.pagination.next_cursor"));
		List<Integer> byCursor = new ArrayList<>(JsonPath.read(first, "$.data[*].reject_id"));
		byCursor.addAll(JsonPath.read(second, "$.data[*].reject_id"));
		assertThat(byCursor).hasSize(3).isSorted().isEqualTo(byNumber);
		assertThat(JsonPath.<Object>read(second, "$.pagination.next_cursor")).isNull();
	}

	@Test
	void streamsRejectsAndExecutionsAsCsv() throws Exception {
		String rejects = this.mvc.perform(get("/api/jobs/1/rejects?format=csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rejects.split("\r\n")).hasSize(4)
			.startsWith("reject_id,file_name,line_number,line,reason_code,reason")
			.anyMatch((line) -> line.endsWith(",ALPHA1.txt,7,20210103\t   10\t    5\t    0,DUPLICATE_DATE,"
					+ "a second line for a date this file already has: 2021-01-03"))
			// the reason contains commas, so it is quoted
			.anyMatch((line) -> line.endsWith(",WRONG_FIELD_COUNT,\"expected 4 tab-separated fields: date, max "
					+ "temperature, min temperature, precipitation: found 3\""));
		String executions = this.mvc.perform(get("/api/jobs").accept("text/csv"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String[] lines = executions.split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).isEqualTo("execution_id,instance_id,job_name,status,exit_code,exit_description,"
				+ "create_time,start_time,end_time");
		assertThat(lines[1]).startsWith("2,2,weatherIngestJob,COMPLETED,COMPLETED,,");
		assertThat(lines[2]).startsWith("1,1,weatherIngestJob,COMPLETED,COMPLETED,,");
	}

	private String body(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
