package com.example.weather.api.jobs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One ingest run with its partitions.
 */
@Schema(description = "One ingest run with its partitions")
public record IngestRunDetails(@JsonUnwrapped IngestRun run,
		@Schema(description = "its partitions, files first, then ranges of stations, in the order they were "
				+ "created") List<RunPartition> partitions) {

}
