package com.example.weather.api.web;

import java.io.IOException;
import java.util.function.Supplier;

import com.example.weather.api.ApiProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The JSON pages of observations, statistics and stations, kept as the bytes sent until the next load completes:
 * they cannot change before, and a page sent from here costs neither a query nor serialisation.
 * <p>
 * Pages are keyed by what the request means once its parameters are validated (the list, its filter and the page),
 * so {@code year=2000&station_id=A}, {@code station_id=A&year=2000} and
 * {@code station_id=A&start_year=2000&end_year=2000} are one entry. Every key also holds the load it was built from: a page of an older load
 * is never served, and a new load empties the cache. At most {@code weather.api.response-cache-size} bytes are
 * kept; beyond that Caffeine evicts the pages least likely to be asked again. A page over
 * {@value #MAX_PAGE_BYTES} bytes (some hundreds of rows) is never kept: such pages are walks through the data, each
 * read once, and would only push out the pages that are asked again and again.
 */
@Component
public class ResponseCache {

	static final int MAX_PAGE_BYTES = 64 * 1024;

	private final Supplier<DataVersion> dataVersion;

	private final JsonMapper jsonMapper;

	private final long maxBytes;

	private final Cache<PageKey, byte[]> pages;

	private volatile String versionTag = DataVersion.NONE.tag();

	@Autowired
	public ResponseCache(DataVersions dataVersions, JsonMapper jsonMapper, ApiProperties properties) {
		this(dataVersions::lastLoad, jsonMapper, properties.responseCacheSize().toBytes());
	}

	ResponseCache(Supplier<DataVersion> dataVersion, JsonMapper jsonMapper, long maxBytes) {
		this.dataVersion = dataVersion;
		this.jsonMapper = jsonMapper;
		this.maxBytes = maxBytes;
		this.pages = Caffeine.newBuilder()
			// evictions run on the requesting thread, right away: the weight never overshoots for long
			.executor(Runnable::run)
			.maximumWeight(maxBytes)
			.<PageKey, byte[]>weigher(ResponseCache::weigh)
			.build();
	}

	/**
	 * Sends the page {@code request} names (the list, its validated filter and page, as one string) as JSON: the kept
	 * bytes if there are, else those of {@code page}. The name is only built when the cache is on.
	 */
	public void sendJson(Supplier<String> request, HttpServletResponse response, Supplier<?> page)
			throws IOException {
		byte[] body;
		if (this.maxBytes <= 0) {
			// off (size 0): no key, no lookup, no bookkeeping; the page is built for each request
			body = this.jsonMapper.writeValueAsBytes(page.get());
		}
		else {
			PageKey key = new PageKey(currentVersion(), request.get());
			body = this.pages.getIfPresent(key);
			if (body == null) {
				body = this.jsonMapper.writeValueAsBytes(page.get());
				if (body.length <= MAX_PAGE_BYTES && weigh(key, body) <= this.maxBytes) {
					this.pages.put(key, body);
				}
			}
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** The current load; when it changed, the pages of the older one are dropped. */
	private String currentVersion() {
		String tag = this.dataVersion.get().tag();
		if (!tag.equals(this.versionTag)) {
			this.versionTag = tag;
			this.pages.invalidateAll();
		}
		return tag;
	}

	/** A page's bytes and its key's characters. */
	private static int weigh(PageKey key, byte[] body) {
		return body.length + key.request().length() * 2;
	}

	/**
	 * Drops every page: the warm-up's requests fill the cache with pages no client asked for, and clients should
	 * find it as a new task without warm-up does.
	 */
	public void clear() {
		this.pages.invalidateAll();
	}

	/** Bytes kept now, as weighed. */
	public long weight() {
		return this.pages.policy().eviction().map((eviction) -> eviction.weightedSize().orElse(0)).orElse(0L);
	}

	/** Runs pending evictions (tests). */
	void cleanUp() {
		this.pages.cleanUp();
	}

	/** The load a page was built from, and what the request asked for. */
	private record PageKey(String version, String request) {
	}

}
