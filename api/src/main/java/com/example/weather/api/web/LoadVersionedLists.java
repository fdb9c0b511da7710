package com.example.weather.api.web;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * How a list that changes only when a load completes (observations, statistics, stations) is answered: a 304 while
 * the client's copy is current, else a CSV stream, else a JSON page from the {@link ResponseCache}.
 */
@Component
public class LoadVersionedLists {

	private final HttpCaching httpCaching;

	private final ResponseCache responseCache;

	public LoadVersionedLists(HttpCaching httpCaching, ResponseCache responseCache) {
		this.httpCaching = httpCaching;
		this.responseCache = responseCache;
	}

	/**
	 * @param pageKey what the JSON page is, once validated: the list, its filter and the page request
	 */
	public void send(ServletWebRequest request, HttpServletResponse response, ListFormat format, CsvExport csv,
			String pageKey, Supplier<?> page) throws IOException {
		if (this.httpCaching.notModifiedSinceLoad(request, format)) {
			return;
		}
		if (format == ListFormat.CSV) {
			csv.write(response);
		}
		else {
			this.responseCache.sendJson(pageKey, response, page);
		}
	}

	/** Streams the whole list as CSV. */
	@FunctionalInterface
	public interface CsvExport {

		void write(HttpServletResponse response) throws IOException;

	}

}
