package com.example.weather.api.stats;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One station's statistics for one year, computed by the ingest job from the days that have a value.
 */
@Schema(description = "One station's statistics for one calendar year; an average or total over no day is null")
public record YearlyStats(
		@JsonProperty("station_id") @Schema(description = "station identifier", example = "USC00110072") String stationId,
		@Schema(description = "calendar year", example = "1985") int year,
		@JsonProperty("avg_max_temp_c") @Schema(description = "average daily maximum temperature, °C",
				example = "17.42", nullable = true) BigDecimal avgMaxTempC,
		@JsonProperty("avg_min_temp_c") @Schema(description = "average daily minimum temperature, °C",
				example = "5.86", nullable = true) BigDecimal avgMinTempC,
		@JsonProperty("total_precipitation_cm") @Schema(description = "total precipitation, cm", example = "94.37",
				nullable = true) BigDecimal totalPrecipitationCm,
		@JsonProperty("max_temp_days") @Schema(description = "days with a maximum temperature, behind avg_max_temp_c",
				example = "365") int maxTempDays,
		@JsonProperty("min_temp_days") @Schema(description = "days with a minimum temperature, behind avg_min_temp_c",
				example = "365") int minTempDays,
		@JsonProperty("precipitation_days") @Schema(
				description = "days with a precipitation value, behind total_precipitation_cm",
				example = "360") int precipitationDays) {

}
