package com.example.weather.api.jobs;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What one step of a job execution did.
 */
@Schema(description = "One step of a job execution and its counts")
public record StepExecutionCounts(
		@JsonProperty("step_execution_id") @Schema(description = "step execution id", example = "2") long stepExecutionId,
		@JsonProperty("step_name") @Schema(description = "step name; a partition of ingestFiles is "
				+ "ingestFile:<file name>, one of refreshYearlyStats refreshStationStats:<first>..<last>", example = "ingestFiles") String stepName,
		@Schema(description = "Spring Batch status", example = "COMPLETED") String status,
		@JsonProperty("exit_code") @Schema(description = "exit code", example = "COMPLETED") String exitCode,
		@JsonProperty("start_time") @Schema(description = "start, database server time",
				example = "2026-11-24T02:00:01.123", nullable = true) LocalDateTime startTime,
		@JsonProperty("end_time") @Schema(description = "end, database server time; null while running",
				example = "2026-11-24T02:04:12.456", nullable = true) LocalDateTime endTime,
		@JsonProperty("read_count") @Schema(description = "items (lines) read", example = "1729957") long readCount,
		@JsonProperty("write_count") @Schema(description = "items written", example = "1729957") long writeCount,
		@JsonProperty("filter_count") @Schema(description = "items filtered out (blank lines)",
				example = "0") long filterCount,
		@JsonProperty("skip_count") @Schema(description = "items skipped: read + process + write skips",
				example = "0") long skipCount,
		@JsonProperty("read_skip_count") @Schema(description = "items skipped on read", example = "0") long readSkipCount,
		@JsonProperty("process_skip_count") @Schema(description = "items skipped in processing",
				example = "0") long processSkipCount,
		@JsonProperty("write_skip_count") @Schema(description = "items skipped on write",
				example = "0") long writeSkipCount,
		@JsonProperty("commit_count") @Schema(description = "transactions committed", example = "347") long commitCount,
		@JsonProperty("rollback_count") @Schema(description = "transactions rolled back",
				example = "0") long rollbackCount) {

}
