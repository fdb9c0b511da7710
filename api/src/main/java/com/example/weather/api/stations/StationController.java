package com.example.weather.api.stations;

import java.io.IOException;
import java.util.List;

import com.example.weather.api.web.ApiDocs;
import com.example.weather.api.web.BadParameterException;
import com.example.weather.api.web.HttpCaching;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@Tag(name = "Stations", description = "Weather stations and the span of their data")
class StationController {

	private static final List<String> CSV_HEADER = List.of("station_id", "first_date", "last_date",
			"observation_count");

	/** Station ids are at most 20 characters; a longer search finds nothing anyway. */
	private static final int MAX_SEARCH_LENGTH = 40;

	/** The unfiltered list's name in cursors. */
	private static final String ALL_STATIONS = "all stations";

	private final StationRepository stations;

	private final ListDefinition<String, Station> stationList;

	private final HttpCaching httpCaching;

	private final Lists lists;

	StationController(StationRepository stations, HttpCaching httpCaching, Lists lists) {
		this.stations = stations;
		this.stationList = ListDefinition
			.ofLoadedData("stations", stations::findPage, stations::count, StationRepository::cursorKey)
			.fingerprintedAs((search) -> (search != null) ? "id contains " + search : ALL_STATIONS)
			.withCsv((search) -> "stations", CSV_HEADER,
					(s) -> new Object[] { s.stationId(), s.firstDate(), s.lastDate(), s.observationCount() });
		this.httpCaching = httpCaching;
		this.lists = lists;
	}

	@GetMapping("/api/stations")
	@Operation(summary = "Stations",
			description = "Every station, or those whose id contains q (ignoring case), ordered by station id.")
	@ApiResponse(responseCode = "200", description = ApiDocs.LIST_RESPONSES, content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = StationPage.class)), @Content(mediaType = "text/csv",
					schema = @Schema(type = "string", example = "station_id,first_date,last_date,observation_count\r\n"
							+ "USC00110072,1985-01-01,2014-12-31,10957\r\n")) })
	@ApiResponse(responseCode = "400", description = "Invalid parameter",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ListResponse<Station>> list(
			@RequestParam(name = "q", required = false)
			@Parameter(description = "Only stations whose id contains this text, ignoring case (1 to 40 characters)",
					example = "USC0011") String q,
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
		return this.lists.send(this.stationList, search(q), new ListParameters(page, perPage, cursor, format),
				request);
	}

	@GetMapping("/api/stations/{station_id}")
	@Operation(summary = "One station", description = "A station with the span and number of its observations.")
	@ApiResponse(responseCode = "200", description = "The station. Carries an ETag; a matching If-None-Match gets "
			+ "a 304.")
	@ApiResponse(responseCode = "404", description = "Unknown station",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<Station> get(
			@PathVariable("station_id")
			@Parameter(description = "Station identifier", example = "USC00110072") String stationId,
			ServletWebRequest request) {
		return this.httpCaching.sinceLoad(request,
				() -> this.stations.findById(stationId).orElseThrow(() -> StationRepository.unknown(stationId)));
	}

	private static String search(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		String search = q.strip();
		if (search.length() > MAX_SEARCH_LENGTH) {
			throw new BadParameterException("q", "'q' must be at most " + MAX_SEARCH_LENGTH + " characters, was "
					+ search.length());
		}
		return search;
	}

	/** The JSON shape of a page, for the OpenAPI document: generic types cannot be named in annotations. */
	@Schema(name = "StationPage", description = "A page of Station rows")
	record StationPage(@Schema(description = "the rows of this page") List<Station> data,
			@Schema(description = "where this page sits in the filtered list") Pagination pagination) {
	}

}
