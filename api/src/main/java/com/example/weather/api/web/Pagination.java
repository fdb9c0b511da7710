package com.example.weather.api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a page sits in the filtered list.
 */
@Schema(description = "Where this page sits in the filtered list")
public record Pagination(@Schema(description = "1-based number of this page", example = "1") int page,
		@JsonProperty("per_page") @Schema(description = "rows per page", example = "50") int perPage,
		@Schema(description = "rows matching the filters, on all pages", example = "366") long total,
		@Schema(description = "number of pages", example = "8") long pages,
		@JsonProperty("has_next") @Schema(description = "whether a next page exists", example = "true") boolean hasNext,
		@JsonProperty("has_prev") @Schema(description = "whether a previous page exists",
				example = "false") boolean hasPrev,
		@JsonProperty("next_cursor") @Schema(
				description = "pass as 'cursor' (with the same filters and per_page) to get the next page by keyset; "
						+ "null on the last page",
				example = "MXw1ZjNhYzE3ZHwyfEFMUEhBMXwyMDIxLTAxLTAy", nullable = true) String nextCursor) {

}
