package com.example.weather.api.web;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of a list endpoint: its rows and where it sits.
 */
public record ListResponse<T>(@Schema(description = "the rows of this page") List<T> data, Pagination pagination) {

	/**
	 * Builds the page from rows fetched with {@link PageRequest#limit()}: the extra row, if any, only says that
	 * a next page exists.
	 * @param keyOf the sort key of a row, as the cursor stores it
	 */
	public static <T> ListResponse<T> of(List<T> fetched, PageRequest request, long total,
			Function<T, List<String>> keyOf) {
		boolean hasNext = fetched.size() > request.perPage();
		List<T> rows = hasNext ? fetched.subList(0, request.perPage()) : fetched;
		String nextCursor = hasNext
				? new Cursor(request.fingerprint(), request.page() + 1, keyOf.apply(rows.get(rows.size() - 1))).encode()
				: null;
		long pages = (total + request.perPage() - 1) / request.perPage();
		return new ListResponse<>(List.copyOf(rows), new Pagination(request.page(), request.perPage(), total, pages,
				hasNext, request.page() > 1, nextCursor));
	}

}
