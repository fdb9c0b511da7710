package com.example.weather.api.stats;

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
@Tag(name = "Statistics", description = "Yearly statistics per station")
class StatsController {

	private static final List<String> CSV_HEADER = List.of("station_id", "year", "avg_max_temp_c", "avg_min_temp_c",
			"total_precipitation_cm", "max_temp_days", "min_temp_days", "precipitation_days");

	private final ListDefinition<StatsFilter, YearlyStats> statistics;

	private final Lists lists;

	StatsController(StatsRepository statistics, StationRepository stations, Lists lists) {
		this.statistics = ListDefinition
			.ofLoadedData("stats", statistics::findPage, statistics::count, StatsRepository::cursorKey)
			.naming((filter) -> stations.requireKnown(filter.stationId()))
			.withCsv((filter) -> "weather-stats", CSV_HEADER, (s) -> new Object[] { s.stationId(), s.year(),
					s.avgMaxTempC(), s.avgMinTempC(), s.totalPrecipitationCm(), s.maxTempDays(), s.minTempDays(),
					s.precipitationDays() });
		this.lists = lists;
	}

	@GetMapping("/api/weather/stats")
	@Operation(summary = "Yearly statistics",
			description = "Per station and calendar year: average maximum and minimum temperature (°C) and total "
					+ "precipitation (cm), with the number of days behind each. Ordered by station, then year.")
	@ApiResponse(responseCode = "200", description = ApiDocs.LIST_RESPONSES, content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = YearlyStatsPage.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string",
					example = "station_id,year,avg_max_temp_c,avg_min_temp_c,total_precipitation_cm,max_temp_days,"
							+ "min_temp_days,precipitation_days\r\nUSC00110072,1985,17.42,5.86,94.37,365,365,360\r\n")) })
	@ApiResponse(responseCode = "400", description = "Invalid parameter",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "Unknown station",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ListResponse<YearlyStats>> list(
			@RequestParam(name = "station_id", required = false)
			@Parameter(description = "Only this station", example = "USC00110072") String stationId,
			@RequestParam(name = "year", required = false)
			@Parameter(description = "Only this year; not with start_year or end_year", example = "1985") Integer year,
			@RequestParam(name = "start_year", required = false)
			@Parameter(description = "First year, inclusive", example = "1985") Integer startYear,
			@RequestParam(name = "end_year", required = false)
			@Parameter(description = "Last year, inclusive", example = "1995") Integer endYear,
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
		StatsFilter filter = StatsFilter.of(stationId, year, startYear, endYear);
		return this.lists.send(this.statistics, filter, new ListParameters(page, perPage, cursor, format),
				request);
	}

	/** The JSON shape of a page, for the OpenAPI document: generic types cannot be named in annotations. */
	@Schema(name = "YearlyStatsPage", description = "A page of YearlyStats rows")
	record YearlyStatsPage(@Schema(description = "the rows of this page") List<YearlyStats> data,
			@Schema(description = "where this page sits in the filtered list") Pagination pagination) {
	}

}
