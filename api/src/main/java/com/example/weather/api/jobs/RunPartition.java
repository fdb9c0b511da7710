package com.example.weather.api.jobs;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One partition of an ingest run: a station file it loaded, or a range of stations whose statistics it refreshed,
 * with the counts the partition recorded in its step execution context.
 */
@Schema(description = "One partition of an ingest run: a station file, or a range of stations of the statistics")
public record RunPartition(
		@JsonProperty("step_execution_id") @Schema(description = "step execution id", example = "7") long stepExecutionId,
		@Schema(description = "ingestFile (a station file) or refreshStationStats (a range of stations)",
				example = "ingestFile") String step,
		@Schema(description = "the file name, or the range of stations first..last", example = "USC00110072.txt") String partition,
		@Schema(description = "the process that ran it (e.g. 'host ip-10-0-1-7 pid 4242'); null when the job did "
				+ "not record it", example = "host ip-10-0-1-7 pid 4242", nullable = true) String worker,
		@Schema(description = "Spring Batch status", example = "COMPLETED") String status,
		@JsonProperty("start_time") @Schema(description = "start, database server time", nullable = true,
				example = "2026-11-24T02:00:01.123") LocalDateTime startTime,
		@JsonProperty("end_time") @Schema(description = "end; null while it runs", nullable = true,
				example = "2026-11-24T02:00:01.923") LocalDateTime endTime,
		@JsonProperty("duration_seconds") @Schema(description = "end minus start, seconds", nullable = true,
				example = "0.8") Double durationSeconds,
		@JsonProperty("read_count") @Schema(description = "lines read (files)", example = "10957") long readCount,
		@Schema(description = "rows inserted (files)", example = "10950", nullable = true) Long inserted,
		@Schema(description = "rows updated (files)", example = "0", nullable = true) Long updated,
		@Schema(description = "lines unchanged (files)", example = "0", nullable = true) Long unchanged,
		@Schema(description = "lines rejected (files)", example = "7", nullable = true) Long rejected,
		@Schema(description = "blank lines skipped (files)", example = "0") long blank,
		@JsonProperty("station_years") @Schema(description = "station-years whose statistics it refreshed "
				+ "(ranges of stations)", example = "900", nullable = true) Long stationYears,
		@JsonProperty("exit_message") @Schema(description = "first line of the exit message of a partition that "
				+ "did not complete, else null", nullable = true,
				example = "RejectLimitExceededException: 1001 lines rejected, over the limit of 1000") String exitMessage) {

}
