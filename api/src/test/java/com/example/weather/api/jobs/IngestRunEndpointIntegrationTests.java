package com.example.weather.api.jobs;

import java.util.List;

import com.example.weather.api.support.LoadedWarehouse;
import com.example.weather.api.support.WarehouseTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Runs as the console shows them, with the totals the job recorded in its execution contexts: execution 1 loaded the
 * fixture files, execution 2 read them again (force=true) and found every line unchanged.
 */
@WarehouseTest
class IngestRunEndpointIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsRunsNewestFirstWithTheirTotalsAndRerunCommand() throws Exception {
		this.mvc.perform(get("/api/runs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[*].execution_id").value(contains(2, 1)))
			.andExpect(jsonPath("$.data[*].run_date")
				.value(contains(LoadedWarehouse.SECOND_RUN_DATE, LoadedWarehouse.FIRST_RUN_DATE)))
			.andExpect(jsonPath("$.data[*].force").value(contains(true, false)))
			.andExpect(jsonPath("$.data[*].status").value(contains("COMPLETED", "COMPLETED")))
			.andExpect(jsonPath("$.data[*].files_read").value(contains(3, 3)))
			.andExpect(jsonPath("$.data[*].inserted").value(contains(0, 9)))
			.andExpect(jsonPath("$.data[*].updated").value(contains(0, 0)))
			.andExpect(jsonPath("$.data[*].unchanged").value(contains(9, 0)))
			.andExpect(jsonPath("$.data[*].rejected").value(contains(3, 3)))
			.andExpect(jsonPath("$.data[1].rerun_command")
				.value("java -jar batch-job.jar run.date=" + LoadedWarehouse.FIRST_RUN_DATE))
			.andExpect(jsonPath("$.data[1].rerun_ecs_command")
				.value("ecs-task-defs/rerun-night.sh " + LoadedWarehouse.FIRST_RUN_DATE + " --wait"))
			.andExpect(jsonPath("$.data[0].rerun_command")
				.value("java -jar batch-job.jar run.date=" + LoadedWarehouse.SECOND_RUN_DATE + " force=true"))
			.andExpect(jsonPath("$.data[0].rerun_ecs_command").value(nullValue()))
			.andExpect(jsonPath("$.pagination.total").value(2));
		String first = body("/api/runs?per_page=1");
		String second = body("/api/runs?per_page=1&cursor=" + JsonPath.read(first, "$.pagination.next_cursor"));
		assertThat(second).isEqualTo(body("/api/runs?per_page=1&page=2"));
		this.mvc.perform(get("/api/runs?status=FAILED")).andExpect(jsonPath("$.pagination.total").value(0));
		this.mvc.perform(get("/api/runs?status=BROKEN"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("status"));
	}

	@Test
	void aRunCountsItsPartitionsByStatus() throws Exception {
		this.mvc.perform(get("/api/runs/1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.execution_id").value(1))
			.andExpect(jsonPath("$.inserted").value(9))
			.andExpect(jsonPath("$.partitions_by_status.COMPLETED").value(3))
			.andExpect(jsonPath("$.partitions_by_status.FAILED").doesNotExist());
		// three files and two statistics ranges
		this.mvc.perform(get("/api/runs/2")).andExpect(jsonPath("$.partitions_by_status.COMPLETED").value(5));
	}

	@Test
	void aRunsPartitionsHaveTheirCountsFromTheStepContexts() throws Exception {
		this.mvc.perform(get("/api/runs/1/partitions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[?(@.step == 'ingestFile')].partition")
				.value(contains("ALPHA1.txt", "BRAVO2.txt", "CHARLIE3.txt")))
			.andExpect(jsonPath("$.data[?(@.partition == 'ALPHA1.txt')].inserted").value(contains(5)))
			.andExpect(jsonPath("$.data[?(@.partition == 'ALPHA1.txt')].read_count").value(contains(7)))
			.andExpect(jsonPath("$.data[*].status").value(everyItem(is("COMPLETED"))))
			// the process that ran each partition, when the job recorded it ('worker' in the step context), else null
			.andExpect(jsonPath("$.data[*]").value(everyItem(hasKey("worker"))));
		this.mvc.perform(get("/api/runs/2/partitions"))
			.andExpect(jsonPath("$.data[?(@.step == 'refreshStationStats')].station_years").value(contains(2, 2)))
			.andExpect(jsonPath("$.data[?(@.step == 'refreshStationStats')].inserted").value(everyItem(nullValue())));
		String all = body("/api/runs/1/partitions");
		String first = body("/api/runs/1/partitions?per_page=2");
		String second = body("/api/runs/1/partitions?per_page=2&cursor=" + JsonPath.read(first, "$.pagination.next_cursor"));
		assertThat(second).isEqualTo(body("/api/runs/1/partitions?per_page=2&page=2"));
		assertThat(JsonPath.<List<Object>>read(second, "$.data[*].step_execution_id"))
			.isEqualTo(JsonPath.<List<Object>>read(all, "$.data[2:4].step_execution_id"));
		this.mvc.perform(get("/api/runs/1/partitions?status=FAILED"))
			.andExpect(jsonPath("$.data").isEmpty())
			.andExpect(jsonPath("$.pagination.total").value(0));
		this.mvc.perform(get("/api/runs/999/partitions")).andExpect(status().isNotFound());
		// a cursor of another list is refused, not misread
		this.mvc.perform(get("/api/runs/1/partitions?per_page=2&cursor=" + JsonPath.read(body("/api/runs?per_page=1"),
				"$.pagination.next_cursor")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("cursor"));
	}

	@Test
	void anUnknownRunIsNotFound() throws Exception {
		this.mvc.perform(get("/api/runs/999")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/runs/abc")).andExpect(status().isBadRequest());
	}

	private String body(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
