package com.example.weather.api.observations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One station's observation of one day, in degrees Celsius and millimetres.
 */
@Schema(description = "One station's weather on one day; a value the station did not report is null")
public record DailyObservation(
		@JsonProperty("station_id") @Schema(description = "station identifier", example = "USC00110072") String stationId,
		@Schema(description = "day of the observation", example = "1985-07-14") LocalDate date,
		@JsonProperty("max_temp_c") @Schema(description = "maximum temperature, °C", example = "31.7",
				nullable = true) BigDecimal maxTempC,
		@JsonProperty("min_temp_c") @Schema(description = "minimum temperature, °C", example = "18.3",
				nullable = true) BigDecimal minTempC,
		@JsonProperty("precipitation_mm") @Schema(description = "precipitation, mm", example = "4.1",
				nullable = true) BigDecimal precipitationMm,
		@JsonProperty("quality_flags") @Schema(
				description = "anomalies the ingest job flagged on a value it kept: MAX_BELOW_MIN, EXTREME_HEAT "
						+ "(> 45 °C), EXTREME_COLD (< -45 °C), EXTREME_PRECIPITATION (> 300 mm); empty when none",
				example = "[\"MAX_BELOW_MIN\"]") List<String> qualityFlags) {

}
