package com.example.weather.api.jobs;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A parameter a job execution was launched with.
 */
@Schema(description = "A parameter the execution was launched with")
public record JobParameter(@Schema(description = "parameter name", example = "run.date") String name,
		@Schema(description = "Java type of the value", example = "java.time.LocalDate") String type,
		@Schema(description = "the value, as Spring Batch stores it", example = "2026-11-24",
				nullable = true) String value,
		@Schema(description = "whether it identifies the job instance (a rerun with the same identifying "
				+ "parameters restarts the instance)", example = "true") boolean identifying) {

}
