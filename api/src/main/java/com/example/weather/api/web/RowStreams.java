package com.example.weather.api.web;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * Walks a whole list, for a CSV export, in batches read by keyset like the pages a client walks by cursor. Each
 * batch is a query of its own in autocommit: a connection is taken for a batch and given back before its rows are
 * written to the client. A client that reads slowly (or not at all) then holds a request thread, never a
 * connection, and never a transaction left open across socket writes.
 * <p>
 * A load that completes during an export shows in the batches read after it; the rows are upserted in place, so
 * the export holds each row once, from one load or the other.
 */
@Component
public class RowStreams {

	static final int BATCH_SIZE = 1000;

	private static final String EXPORT = "export";

	/**
	 * Hands every row of the list to {@code action}, in order.
	 * @param pages reads a page of the list (one more row than the page, as for a client's page)
	 * @param keyOf the sort key of a row, as cursors hold it
	 */
	public <T> void walk(Function<PageRequest, List<T>> pages, Function<T, List<String>> keyOf,
			Consumer<T> action) {
		PageRequest request = new PageRequest(1, BATCH_SIZE, null, EXPORT);
		while (true) {
			List<T> rows = pages.apply(request);
			List<T> batch = (rows.size() > BATCH_SIZE) ? rows.subList(0, BATCH_SIZE) : rows;
			batch.forEach(action);
			if (rows.size() <= BATCH_SIZE) {
				return;
			}
			int next = request.page() + 1;
			request = new PageRequest(next, BATCH_SIZE,
					new Cursor(EXPORT, next, keyOf.apply(batch.get(batch.size() - 1))), EXPORT);
		}
	}

}
