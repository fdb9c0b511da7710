package com.example.weather.api.health;

import java.time.LocalDateTime;

import com.example.weather.api.web.DataVersion;
import com.example.weather.api.web.DataVersions;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's own readiness check, kept for clients that use it: healthy while the database answers the
 * {@link DatabaseProbe}, like {@code /actuator/health/readiness}, plus the load the data comes from.
 */
@RestController
@Tag(name = "Health")
class HealthController {

	private final DatabaseProbe probe;

	private final DataVersions dataVersions;

	HealthController(DatabaseProbe probe, DataVersions dataVersions) {
		this.probe = probe;
		this.dataVersions = dataVersions;
	}

	@GetMapping("/api/health")
	@Operation(summary = "Readiness check", description = "200 while the database is reachable, 503 otherwise, as "
			+ "/actuator/health/readiness. Also tells which load the data comes from.")
	@ApiResponse(responseCode = "200", description = "The database is reachable")
	@ApiResponse(responseCode = "503", description = "The database is unreachable",
			content = @Content(schema = @Schema(implementation = Health.class)))
	ResponseEntity<Health> health() {
		if (!this.probe.databaseAnswers()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.cacheControl(CacheControl.noStore())
				.body(new Health("DOWN", "DOWN", null, null));
		}
		DataVersion lastLoad = lastLoad();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new Health("UP", "UP", lastLoad.executionId(), lastLoad.at()));
	}

	/** The database answers but may have no schema yet: that is the job's to fix, not a reason to be unhealthy. */
	private DataVersion lastLoad() {
		try {
			return this.dataVersions.lastLoad();
		}
		catch (DataAccessException ex) {
			return DataVersion.NONE;
		}
	}

	@Schema(description = "Health of the service")
	record Health(@Schema(description = "UP or DOWN", example = "UP") String status,
			@Schema(description = "whether the database answers: UP or DOWN", example = "UP") String database,
			@JsonProperty("last_load_execution_id") @Schema(
					description = "the completed ingest execution the data comes from; null if none",
					example = "42", nullable = true) Long lastLoadExecutionId,
			@JsonProperty("last_load_completed_at") @Schema(description = "when that execution completed",
					example = "2026-11-24T02:04:13.002", nullable = true) LocalDateTime lastLoadCompletedAt) {
	}

}
