package com.example.weather.api.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A line a job execution did not load, and why.
 */
@Schema(description = "A line of a station file the execution rejected")
public record RejectedLine(@JsonProperty("reject_id") @Schema(description = "reject id", example = "17") long rejectId,
		@JsonProperty("file_name") @Schema(description = "station file", example = "USC00110072.txt") String fileName,
		@JsonProperty("line_number") @Schema(description = "1-based line number in the file",
				example = "1203") long lineNumber,
		@Schema(description = "the line as read; a line over 1000 characters is rejected as LINE_TOO_LONG and only its first 1000 are kept; NUL shows as U+2400", example = "19880229\t  abc\t  -56\t    0",
				nullable = true) String line,
		@JsonProperty("reason_code") @Schema(description = "why, as a code",
				allowableValues = { "LINE_TOO_LONG", "WRONG_FIELD_COUNT", "UNPARSEABLE_FIELD", "INVALID_DATE",
						"TEMPERATURE_OUT_OF_RANGE", "NEGATIVE_PRECIPITATION", "PRECIPITATION_OUT_OF_RANGE",
						"DUPLICATE_DATE" },
				example = "UNPARSEABLE_FIELD") String reasonCode,
		@Schema(description = "why, in words", example = "a field is not an integer: max temperature 'abc'") String reason) {

}
