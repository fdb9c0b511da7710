package com.example.weather.api.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.example.weather.api.ApiProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The JSON pages of observations, statistics and stations, kept as the bytes sent until the next load completes:
 * they cannot change before, and a page sent from here costs neither a query nor serialisation.
 * <p>
 * A new load starts an empty cache. At most {@code weather.api.response-cache-size} bytes of pages are kept; once
 * that is reached, further pages are built for each request as without a cache, until the next load. A page over
 * {@value #MAX_PAGE_BYTES} bytes (some hundreds of rows) is never kept: such pages are walks through the data, each
 * read once, and a walk through the whole table would fill the cache for nothing.
 */
@Component
public class ResponseCache {

	static final int MAX_PAGE_BYTES = 64 * 1024;

	private final Supplier<DataVersion> dataVersion;

	private final JsonMapper jsonMapper;

	private final long maxBytes;

	private volatile Generation generation = new Generation(DataVersion.NONE.tag());

	@Autowired
	public ResponseCache(DataVersions dataVersions, JsonMapper jsonMapper, ApiProperties properties) {
		this(dataVersions::lastLoad, jsonMapper, properties.responseCacheSize().toBytes());
	}

	ResponseCache(Supplier<DataVersion> dataVersion, JsonMapper jsonMapper, long maxBytes) {
		this.dataVersion = dataVersion;
		this.jsonMapper = jsonMapper;
		this.maxBytes = maxBytes;
	}

	/** Sends the page this request asks for as JSON: the kept bytes if there are, else those of {@code page}. */
	public void sendJson(HttpServletRequest request, HttpServletResponse response, Supplier<?> page)
			throws IOException {
		Generation current = current();
		String key = request.getRequestURI() + "?" + request.getQueryString();
		byte[] body = current.pages.get(key);
		if (body == null) {
			body = this.jsonMapper.writeValueAsBytes(page.get());
			current.keep(key, body, this.maxBytes);
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private Generation current() {
		String tag = this.dataVersion.get().tag();
		Generation current = this.generation;
		if (!current.versionTag.equals(tag)) {
			current = new Generation(tag);
			this.generation = current;
		}
		return current;
	}

	/** The pages of one data version. */
	private static final class Generation {

		private final String versionTag;

		private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

		private final AtomicLong bytes = new AtomicLong();

		Generation(String versionTag) {
			this.versionTag = versionTag;
		}

		void keep(String key, byte[] body, long maxBytes) {
			if (body.length > MAX_PAGE_BYTES) {
				return;
			}
			if (this.bytes.addAndGet(body.length) <= maxBytes) {
				this.pages.putIfAbsent(key, body);
			}
			else {
				this.bytes.addAndGet(-body.length);
			}
		}

	}

}
