package com.example.weather.api.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * How every list endpoint answers, once its filter is validated: the paging parameters and the representation
 * are validated (a 400 or 406 before any query), a client whose copy is current gets a 304, then the whole list
 * streams as CSV, or a page of it is sent as JSON with its total.
 * <p>
 * Totals are counted once per filter and data version ({@link RowCounts}). The JSON pages of what the loads write
 * come from the {@link ResponseCache}; those of the job history are built for each request.
 */
@Component
public class Lists {

	private final HttpCaching httpCaching;

	private final ResponseCache responseCache;

	private final RowCounts rowCounts;

	private final DataVersions dataVersions;

	public Lists(HttpCaching httpCaching, ResponseCache responseCache, RowCounts rowCounts,
			DataVersions dataVersions) {
		this.httpCaching = httpCaching;
		this.responseCache = responseCache;
		this.rowCounts = rowCounts;
		this.dataVersions = dataVersions;
	}

	/**
	 * Answers a request for {@code list}, filtered by {@code filter}: with the page as the body to send, or with
	 * null once the response is written (a 304, CSV, or a page from the cache).
	 */
	public <F, T> ResponseEntity<ListResponse<T>> send(ListDefinition<F, T> list, F filter,
			ListParameters parameters, ServletWebRequest request) throws IOException {
		PageRequest pageRequest = parameters.pageRequest(list.fingerprint(filter));
		// a list that is only JSON leaves Accept to content negotiation, like a single resource
		ListFormat format = list.hasCsv() ? ListFormat.of(parameters.format(), accept(request)) : ListFormat.JSON;
		if (list.loadedData() ? this.httpCaching.notModifiedSinceLoad(request, format)
				: this.httpCaching.notModifiedSinceJobUpdate(request, format)) {
			return null;
		}
		list.requireOwner(filter);
		HttpServletResponse response = request.getResponse();
		if (format == ListFormat.CSV) {
			list.requireKnown(filter);
			ListDefinition.Csv<F, T> csv = list.csv();
			CsvOutput.write(response, csv.fileName().apply(filter), csv.header(), (rows) -> RowStreams
				.walk((page) -> list.page(filter, page), list::cursorKey, (row) -> rows.row(csv.row().apply(row))));
			return null;
		}
		if (list.loadedData()) {
			this.responseCache.sendJson(() -> list.name() + " " + filter + " " + pageRequest, response,
					() -> page(list, filter, pageRequest));
			return null;
		}
		return ResponseEntity.ok(page(list, filter, pageRequest));
	}

	/** Every {@code Accept} header the request has, as one list, as a header argument would read them. */
	private static String accept(ServletWebRequest request) {
		String[] values = request.getHeaderValues(HttpHeaders.ACCEPT);
		return (values != null) ? String.join(",", values) : null;
	}

	private <F, T> ListResponse<T> page(ListDefinition<F, T> list, F filter, PageRequest pageRequest) {
		long total = list.countKept()
				? this.rowCounts.count(list.name(), filter,
						list.loadedData() ? this.dataVersions.lastLoad() : this.dataVersions.jobHistory(),
						() -> list.count(filter))
				: list.count(filter);
		if (total == 0) {
			list.requireKnown(filter);
		}
		List<T> rows = list.page(filter, pageRequest);
		return ListResponse.of(rows, pageRequest, total, list::cursorKey);
	}

}
