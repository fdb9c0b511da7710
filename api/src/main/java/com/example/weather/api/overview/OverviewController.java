package com.example.weather.api.overview;

import com.example.weather.api.web.DataVersion;
import com.example.weather.api.web.DataVersions;
import com.example.weather.api.web.HttpCaching;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@Tag(name = "Overview", description = "The warehouse at a glance")
class OverviewController {

	private final OverviewRepository overview;

	private final DataVersions dataVersions;

	private final HttpCaching httpCaching;

	OverviewController(OverviewRepository overview, DataVersions dataVersions, HttpCaching httpCaching) {
		this.overview = overview;
		this.dataVersions = dataVersions;
		this.httpCaching = httpCaching;
	}

	@GetMapping("/api/overview")
	@Operation(summary = "Overview",
			description = "When the data was last loaded (the last completed ingest execution), and how many "
					+ "stations, daily observations and years the warehouse holds.")
	@ApiResponse(responseCode = "200", description = "The overview. Carries an ETag; a matching If-None-Match "
			+ "gets a 304.")
	ResponseEntity<Overview> get(ServletWebRequest request) {
		return this.httpCaching.sinceLoad(request, () -> {
			DataVersion load = this.dataVersions.lastLoad();
			return this.overview.read(load.executionId(), load.at());
		});
	}

}
