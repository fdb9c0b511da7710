package com.example.weather.api.observations;

import java.io.IOException;
import java.util.List;

import com.example.weather.api.stations.StationRepository;
import com.example.weather.api.web.ApiDocs;
import com.example.weather.api.web.ListDefinition;
import com.example.weather.api.web.ListParameters;
import com.example.weather.api.web.ListResponse;
import com.example.weather.api.web.Lists;
import com.example.weather.api.web.Pagination;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@Tag(name = "Observations", description = "Daily weather observations")
class ObservationController {

	private static final List<String> CSV_HEADER = List.of("station_id", "date", "max_temp_c", "min_temp_c",
			"precipitation_mm", "quality_flags");

	private final ListDefinition<ObservationFilter, DailyObservation> observations;

	private final Lists lists;

	ObservationController(ObservationRepository observations, StationRepository stations, Lists lists) {
		this.observations = ListDefinition
			.ofLoadedData("weather", observations::findPage, observations::count, ObservationRepository::cursorKey)
			.naming((filter) -> stations.requireKnown(filter.stationId()))
			.withCsv((filter) -> "weather", CSV_HEADER, (o) -> new Object[] { o.stationId(), o.date(), o.maxTempC(),
					o.minTempC(), o.precipitationMm(), String.join(" ", o.qualityFlags()) });
		this.lists = lists;
	}

	@GetMapping("/api/weather")
	@Operation(summary = "Daily observations",
			description = "Daily observations ordered by station, then date. Temperatures in °C, precipitation in mm.")
	@ApiResponse(responseCode = "200", description = ApiDocs.LIST_RESPONSES, content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = DailyObservationPage.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string",
					example = "station_id,date,max_temp_c,min_temp_c,precipitation_mm,quality_flags\r\n"
							+ "USC00110072,1985-01-01,-2.2,-12.8,0.0,\r\n")) })
	@ApiResponse(responseCode = "400", description = "Invalid parameter",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "Unknown station",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ListResponse<DailyObservation>> list(
			@RequestParam(name = "station_id", required = false)
			@Parameter(description = "Only this station", example = "USC00110072") String stationId,
			@RequestParam(name = "start_date", required = false)
			@Parameter(description = "First day, inclusive (ISO date)", example = "1985-01-01",
					schema = @Schema(type = "string", format = "date")) String startDate,
			@RequestParam(name = "end_date", required = false)
			@Parameter(description = "Last day, inclusive (ISO date)", example = "1985-12-31",
					schema = @Schema(type = "string", format = "date")) String endDate,
			@RequestParam(name = "page", required = false)
			@Parameter(description = ApiDocs.PAGE, example = "1") Integer page,
			@RequestParam(name = "per_page", required = false)
			@Parameter(description = ApiDocs.PER_PAGE, example = "50") Integer perPage,
			@RequestParam(name = "cursor", required = false)
			@Parameter(description = ApiDocs.CURSOR, example = ApiDocs.CURSOR_EXAMPLE) String cursor,
			@RequestParam(name = "format", required = false)
			@Parameter(description = ApiDocs.FORMAT, example = "csv",
					schema = @Schema(allowableValues = { "json", "csv" })) String format,
			ServletWebRequest request) throws IOException {
		ObservationFilter filter = ObservationFilter.of(stationId, startDate, endDate);
		return this.lists.send(this.observations, filter,
				new ListParameters(page, perPage, cursor, format), request);
	}

	/** The JSON shape of a page, for the OpenAPI document: generic types cannot be named in annotations. */
	@Schema(name = "DailyObservationPage", description = "A page of DailyObservation rows")
	record DailyObservationPage(@Schema(description = "the rows of this page") List<DailyObservation> data,
			@Schema(description = "where this page sits in the filtered list") Pagination pagination) {
	}

}
