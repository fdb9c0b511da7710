package com.example.weather.api.jobs;

import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One execution of a job, with its parameters and the counts of the job's own steps.
 */
@Schema(description = "One execution of a job")
public record JobExecutionSummary(
		@JsonProperty("execution_id") @Schema(description = "job execution id", example = "42") long executionId,
		@JsonProperty("instance_id") @Schema(description = "job instance id: one per run.date; a restart is a new "
				+ "execution of the same instance", example = "40") long instanceId,
		@JsonProperty("job_name") @Schema(description = "job name", example = "weatherIngestJob") String jobName,
		@Schema(description = "Spring Batch status", example = "COMPLETED",
				allowableValues = { "STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED",
						"ABANDONED", "UNKNOWN" }) String status,
		@JsonProperty("exit_code") @Schema(description = "exit code", example = "COMPLETED",
				nullable = true) String exitCode,
		@JsonProperty("exit_description") @Schema(description = "exit description: on failure, the error",
				example = "", nullable = true) String exitDescription,
		@JsonProperty("create_time") @Schema(description = "when the execution was created",
				example = "2026-11-24T02:00:00.987") LocalDateTime createTime,
		@JsonProperty("start_time") @Schema(description = "start; null until it starts",
				example = "2026-11-24T02:00:01.001", nullable = true) LocalDateTime startTime,
		@JsonProperty("end_time") @Schema(description = "end; null while it runs",
				example = "2026-11-24T02:04:13.002", nullable = true) LocalDateTime endTime,
		@Schema(description = "the parameters it was launched with") List<JobParameter> parameters,
		@Schema(description = "the job's own steps (ingestFiles, whose counts add up its partitions, and "
				+ "refreshYearlyStats); the partitions are in GET /api/jobs/{execution_id}") List<StepExecutionCounts> steps) {

}
