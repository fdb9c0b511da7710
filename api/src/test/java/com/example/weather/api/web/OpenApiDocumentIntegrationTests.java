package com.example.weather.api.web;

import java.util.List;
import java.util.Map;

import com.example.weather.api.support.WarehouseTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WarehouseTest
class OpenApiDocumentIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsEveryEndpointWithEveryParameterDescribed() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(document, "$.openapi")).startsWith("3.");
		Map<String, Object> paths = JsonPath.read(document, "$.paths");
		assertThat(paths).containsOnlyKeys("/api/weather", "/api/weather/stats", "/api/stations",
				"/api/stations/{station_id}", "/api/jobs", "/api/jobs/{execution_id}",
				"/api/jobs/{execution_id}/rejects", "/api/runs", "/api/runs/{execution_id}",
				"/api/runs/{execution_id}/partitions", "/api/overview",
				"/api/health");
		List<String> listParameters = JsonPath.read(document, "$.paths['/api/weather'].get.parameters[*].name");
		assertThat(listParameters).containsExactly("station_id", "start_date", "end_date", "page", "per_page",
				"cursor", "format");
		assertThat(JsonPath.<List<String>>read(document, "$.paths['/api/weather/stats'].get.parameters[*].name"))
			.contains("year", "start_year", "end_year");
		assertThat(JsonPath.<List<String>>read(document, "$.paths['/api/jobs'].get.parameters[*].name"))
			.contains("status");
		List<Object> parameters = JsonPath.read(document, "$.paths..parameters[*]");
		List<Object> described = JsonPath.read(document, "$.paths..parameters[?(@.description)]");
		List<Object> withExample = JsonPath.read(document, "$.paths..parameters[?(@.example || @.schema.example)]");
		assertThat(parameters).hasSizeGreaterThan(25);
		assertThat(described).hasSameSizeAs(parameters);
		assertThat(withExample).hasSameSizeAs(parameters);
		for (String list : List.of("/api/weather", "/api/weather/stats", "/api/stations", "/api/jobs",
				"/api/jobs/{execution_id}/rejects")) {
			Map<String, Object> content = JsonPath.read(document, "$.paths['" + list + "'].get.responses['200'].content");
			assertThat(content).as(list).containsOnlyKeys("application/json", "text/csv");
			assertThat(JsonPath.<String>read(document,
					"$.paths['" + list + "'].get.responses['200'].content['application/json'].schema.$ref"))
				.as(list)
				.endsWith("Page");
		}
	}

	@Test
	void describesEveryFieldOfTheResponsesInSnakeCase() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		Map<String, Object> observation = JsonPath.read(document, "$.components.schemas.DailyObservation.properties");
		assertThat(observation).containsOnlyKeys("station_id", "date", "max_temp_c", "min_temp_c",
				"precipitation_mm", "quality_flags");
		assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.Pagination.properties"))
			.containsOnlyKeys("page", "per_page", "total", "pages", "has_next", "has_prev", "next_cursor");
		for (String schema : List.of("DailyObservation", "YearlyStats", "Station", "JobExecutionSummary",
				"StepExecutionCounts", "JobParameter", "RejectedLine", "Pagination", "DailyObservationPage",
				"YearlyStatsPage", "StationPage", "JobExecutionPage", "RejectedLinePage", "JobExecutionDetails", "Health",
				"IngestRun", "IngestRunPage", "IngestRunDetails", "RunPartition", "RunPartitionPage", "Overview")) {
			Map<String, Map<String, Object>> properties = JsonPath.read(document,
					"$.components.schemas." + schema + ".properties");
			properties.forEach((name, property) -> assertThat(property).as(schema + "." + name)
				.containsKey("description"));
		}
	}

	@Test
	void servesSwaggerUi() throws Exception {
		this.mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

}
