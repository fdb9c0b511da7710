package com.example.weather.api.jobs;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One ingest run, with how many partitions it has in each status; the partitions themselves are a paged list.
 */
@Schema(description = "One ingest run, with its partitions counted by status")
public record IngestRunDetails(@JsonUnwrapped IngestRun run,
		@JsonProperty("partitions_by_status") @Schema(description = "how many partitions (station files, then ranges "
				+ "of stations of the statistics) ended in each status; GET /api/runs/{execution_id}/partitions "
				+ "lists them", example = "{\"COMPLETED\": 165, \"FAILED\": 2}") Map<String, Long> partitionsByStatus) {

}
