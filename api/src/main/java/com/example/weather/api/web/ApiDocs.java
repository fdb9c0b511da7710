package com.example.weather.api.web;

/**
 * Descriptions shared by the list endpoints' OpenAPI documentation.
 * <p>
 * On a controller's parameter the binding annotation comes first and its OpenAPI {@code @Parameter} after:
 * {@code @RequestParam(name = "station_id", required = false) @Parameter(description = ...) String stationId}.
 * Spring MVC converts the arguments that are not text ({@code Integer}, {@code long}; text goes through
 * {@link RequestParameterEditors}) through the conversion service, whose cache tells the parameters of one type apart
 * by comparing their annotations, reflectively, in the order they are declared. Two bindings differ at their first
 * annotation by name; had {@code @Parameter} come first, every request would compare whole descriptions and nested
 * {@code @Schema}s (bench/README.md).
 */
public final class ApiDocs {

	public static final String PAGE = "1-based page number (offset pagination). For deep pages prefer 'cursor'. "
			+ "Not allowed together with 'cursor'.";

	public static final String PER_PAGE = "Rows per page, 1 to 1000.";

	public static final String CURSOR = "The 'next_cursor' of the previous page: keyset pagination, as fast on the "
			+ "last page as on the first. Keep the other parameters unchanged while following cursors.";

	public static final String CURSOR_EXAMPLE = "MXw1ZjNhYzE3ZHwyfFVTQzAwMTEwMDcyfDE5ODUtMDItMTk";

	public static final String FORMAT = "'csv' streams the whole filtered list (no pagination) as CSV with a header "
			+ "row, like 'Accept: text/csv'; 'json' (default) returns a page.";

	public static final String LIST_RESPONSES = "A page of rows as JSON, or with format=csv / Accept: text/csv the "
			+ "whole filtered list as CSV. Carries an ETag; a matching If-None-Match gets a 304.";

	private ApiDocs() {
	}

}
