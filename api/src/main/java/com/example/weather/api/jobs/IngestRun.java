package com.example.weather.api.jobs;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One execution of the ingest job as an operator reads it: which night, how it ended, how long it took, what it
 * did to the data, and how to run that night again.
 */
@Schema(description = "One execution of the ingest job, with the totals it recorded")
public record IngestRun(
		@JsonProperty("execution_id") @Schema(description = "job execution id", example = "42") long executionId,
		@JsonProperty("run_date") @Schema(description = "the night it loads (job parameter run.date)",
				example = "2026-11-24", nullable = true) String runDate,
		@Schema(description = "whether it was launched with force=true (read files that had not changed)",
				example = "false") boolean force,
		@Schema(description = "Spring Batch status; FAILED and STOPPED nights need a rerun",
				example = "COMPLETED") String status,
		@JsonProperty("exit_code") @Schema(description = "exit code", example = "COMPLETED") String exitCode,
		@JsonProperty("start_time") @Schema(description = "start, database server time; null until it starts",
				example = "2026-11-24T02:00:01.001", nullable = true) LocalDateTime startTime,
		@JsonProperty("end_time") @Schema(description = "end; null while it runs", example = "2026-11-24T02:00:21.5",
				nullable = true) LocalDateTime endTime,
		@JsonProperty("duration_seconds") @Schema(description = "end minus start, seconds; null while it runs",
				example = "20.499", nullable = true) Double durationSeconds,
		@JsonProperty("files_read") @Schema(description = "station files this execution read (unchanged files "
				+ "are not read; a restart reads only what had not completed)", example = "167") long filesRead,
		@Schema(description = "rows inserted; null when the execution recorded no totals (a killed process)",
				example = "1729957", nullable = true) Long inserted,
		@Schema(description = "rows changed by a corrected line", example = "0", nullable = true) Long updated,
		@Schema(description = "lines identical to their row", example = "0", nullable = true) Long unchanged,
		@Schema(description = "lines rejected (GET /api/jobs/{execution_id}/rejects lists them)", example = "12",
				nullable = true) Long rejected,
		@JsonProperty("rerun_command") @Schema(description = "the command that reruns this night from the job's "
				+ "jar (a failed or stopped night resumes where it stopped; a completed one changes nothing)",
				example = "java -jar batch-job.jar run.date=2026-11-24", nullable = true) String rerunCommand,
		@JsonProperty("rerun_ecs_command") @Schema(description = "the same on AWS, as a Fargate task (not for "
				+ "forced runs)", example = "ecs-task-defs/rerun-night.sh 2026-11-24 --wait",
				nullable = true) String rerunEcsCommand) {

}
