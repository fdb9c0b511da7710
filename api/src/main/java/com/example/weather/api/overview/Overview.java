package com.example.weather.api.overview;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the warehouse holds, as of its last completed load.
 */
@Schema(description = "What the warehouse holds, as of its last completed load")
public record Overview(
		@JsonProperty("last_load_execution_id") @Schema(description = "the last completed ingest execution; null "
				+ "before the first", example = "42", nullable = true) Long lastLoadExecutionId,
		@JsonProperty("last_load_time") @Schema(description = "when it ended, database server time",
				example = "2026-11-24T02:00:21.5", nullable = true) LocalDateTime lastLoadTime,
		@Schema(description = "number of stations", example = "167") long stations,
		@Schema(description = "number of daily observations (rows)", example = "1729957") long observations,
		@JsonProperty("first_year") @Schema(description = "year of the earliest observation", example = "1985",
				nullable = true) Integer firstYear,
		@JsonProperty("last_year") @Schema(description = "year of the latest observation", example = "2014",
				nullable = true) Integer lastYear,
		@Schema(description = "number of calendar years with at least one observation", example = "30") long years) {

}
