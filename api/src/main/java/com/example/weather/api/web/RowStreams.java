package com.example.weather.api.web;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Walks a whole list, for a CSV export, in batches read by keyset like the pages a client walks by cursor. Each
 * batch is a query of its own in autocommit: a connection is taken for a batch and given back before its rows are
 * written to the client. A client that reads slowly (or not at all) then holds a request thread, never a
 * connection, and never a transaction left open across socket writes.
 * <p>
 * A load that completes during an export shows in the batches read after it; the rows are upserted in place, so
 * the export holds each row once, from one load or the other.
 */
final class RowStreams {

	/** Rows read by one query of an export. */
	static final int ROWS_PER_QUERY = 1000;

	private static final String EXPORT = "export";

	private RowStreams() {
	}

	/**
	 * Hands every row of the list to {@code action}, in order.
	 * @param pages reads a page of the list (one more row than the page, as for a client's page)
	 * @param keyOf the sort key of a row, as cursors hold it
	 */
	static <T> void walk(Function<PageRequest, List<T>> pages, Function<T, List<String>> keyOf,
			Consumer<T> action) {
		PageRequest request = new PageRequest(1, ROWS_PER_QUERY, null, EXPORT);
		while (true) {
			List<T> rows = pages.apply(request);
			List<T> batch = (rows.size() > ROWS_PER_QUERY) ? rows.subList(0, ROWS_PER_QUERY) : rows;
			batch.forEach(action);
			if (rows.size() <= ROWS_PER_QUERY) {
				return;
			}
			int next = request.page() + 1;
			request = new PageRequest(next, ROWS_PER_QUERY,
					new Cursor(EXPORT, next, keyOf.apply(batch.get(batch.size() - 1))), EXPORT);
		}
	}

}
