package com.example.weather.api.jobs;

import java.nio.file.Path;
import java.util.List;

import com.example.weather.api.support.IngestJob;
import com.example.weather.api.support.LoadedWarehouse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A job repository whose tables carry another prefix than {@code BATCH_}, read by an API configured with it
 * ({@code spring.batch.jdbc.table-prefix}, the job's own property). The real job loads the fixture files (a
 * completed night), then fails a second night on its first rejected line; then its tables are renamed from
 * {@code BATCH_*} to {@value #PREFIX}{@code *}. No {@code BATCH_} table is left, so a query that still named one
 * would fail: the job history, the runs, a failure's description and the data versions are all read from the
 * renamed tables.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JobRepositoryTablePrefixIntegrationTests {

	private static final String PREFIX = "WEATHER_BATCH_";

	private static final String DATABASE = "weather_api_test_prefix";

	private static final List<String> TABLES = List.of("JOB_INSTANCE", "JOB_EXECUTION", "JOB_EXECUTION_PARAMS",
			"JOB_EXECUTION_CONTEXT", "STEP_EXECUTION", "STEP_EXECUTION_CONTEXT");

	@Autowired
	MockMvc mvc;

	@Test
	void theJobHistoryIsReadFromTheTablesOfTheConfiguredPrefix() throws Exception {
		this.mvc.perform(get("/api/jobs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[*].execution_id").value(contains(2, 1)))
			.andExpect(jsonPath("$.data[*].status").value(contains("FAILED", "COMPLETED")))
			.andExpect(jsonPath("$.data[1].parameters[*].name").value(contains("run.date")))
			.andExpect(jsonPath("$.data[1].steps[*].step_name").value(contains("ingestFiles", "refreshYearlyStats")))
			.andExpect(jsonPath("$.pagination.total").value(2));
		this.mvc.perform(get("/api/jobs?status=FAILED"))
			.andExpect(jsonPath("$.data[0].exit_description").value(containsString(".txt")))
			.andExpect(jsonPath("$.pagination.total").value(1));
		this.mvc.perform(get("/api/jobs/1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partitions[0].step_name").value(startsWith("ingestFile:")));
		this.mvc.perform(get("/api/jobs?format=csv"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\r\n1,1,weatherIngestJob,COMPLETED,")));
		this.mvc.perform(get("/api/jobs/1/rejects"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pagination.total").value(3));
	}

	@Test
	void theRunsAndTheirPartitionsAreReadFromTheTablesOfTheConfiguredPrefix() throws Exception {
		this.mvc.perform(get("/api/runs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[1].files_read").value(3))
			.andExpect(jsonPath("$.data[1].inserted").value(9));
		this.mvc.perform(get("/api/runs/1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partitions_by_status.COMPLETED").value(greaterThan(0)));
		this.mvc.perform(get("/api/runs/1/partitions?per_page=1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data", hasSize(1)))
			.andExpect(jsonPath("$.data[0].worker").value(notNullValue()))
			.andExpect(jsonPath("$.pagination.total").value(greaterThan(1)));
	}

	@Test
	void theDataVersionsAreReadFromTheTablesOfTheConfiguredPrefix() throws Exception {
		this.mvc.perform(get("/api/overview"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.last_load_execution_id").value(1));
		this.mvc.perform(get("/api/weather?per_page=1"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", startsWith("\"load-1-")));
		this.mvc.perform(get("/api/jobs?per_page=1"))
			.andExpect(header().string("ETag", startsWith("\"jobs-2-")));
	}

	/**
	 * The database, loaded by the job and with its job repository's tables renamed, read by the API as the
	 * read-only user.
	 */
	@DynamicPropertySource
	static void renamedJobRepository(DynamicPropertyRegistry properties) {
		LoadedWarehouse.create(DATABASE, (toDatabase) -> {
			Path workingDirectory = Path.of("target").toAbsolutePath();
			IngestJob.run(LoadedWarehouse.FIRST_RUN_DATE, workingDirectory, toDatabase);
			// the same files again, now failing on the first line they reject
			IngestJob.run(1, IngestJob.fixtureFolder(), LoadedWarehouse.SECOND_RUN_DATE, workingDirectory,
					toDatabase, "force=true", "--ingest.reject-limit=0");
			LoadedWarehouse.execute(LoadedWarehouse.SERVER_URL + DATABASE, TABLES.stream()
				.map((table) -> "ALTER TABLE BATCH_" + table + " RENAME TO " + PREFIX + table)
				.toArray(String[]::new));
		});
		properties.add("spring.datasource.url", () -> LoadedWarehouse.SERVER_URL + DATABASE);
		properties.add("spring.datasource.username", () -> LoadedWarehouse.READER);
		properties.add("spring.batch.jdbc.table-prefix", () -> PREFIX);
	}

}
