package com.example.weather.api.stations;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A weather station and the span of its observations.
 */
@Schema(description = "A weather station and the span of its observations")
public record Station(
		@JsonProperty("station_id") @Schema(description = "station identifier", example = "USC00110072") String stationId,
		@JsonProperty("first_date") @Schema(description = "day of its first observation",
				example = "1985-01-01", nullable = true) LocalDate firstDate,
		@JsonProperty("last_date") @Schema(description = "day of its last observation", example = "2014-12-31",
				nullable = true) LocalDate lastDate,
		@JsonProperty("observation_count") @Schema(description = "number of daily observations (rows) it has",
				example = "10957") long observationCount) {

}
