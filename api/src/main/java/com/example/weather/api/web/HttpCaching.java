package com.example.weather.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

import com.example.weather.api.ApiProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Conditional GETs: every data response carries an ETag made of the data version, and a request whose
 * {@code If-None-Match} still matches gets a 304 before any data query runs.
 */
@Component
public class HttpCaching {

	private final DataVersions dataVersions;

	private final ApiProperties.Cache cache;

	private final Clock clock;

	private final String sinceLoadCacheControl;

	@Autowired
	public HttpCaching(DataVersions dataVersions, ApiProperties properties) {
		this(dataVersions, properties, Clock.systemUTC());
	}

	HttpCaching(DataVersions dataVersions, ApiProperties properties, Clock clock) {
		this.dataVersions = dataVersions;
		this.cache = properties.cache();
		this.clock = clock;
		// without a load time the header never changes: built once rather than on every request
		this.sinceLoadCacheControl = (this.cache.loadTime() == null) ? sinceLoadCacheControl() : null;
	}

	private String sinceLoadCacheControl() {
		return "public, max-age=" + this.cache.maxAge().toSeconds() + ", s-maxage=" + sharedMaxAge().toSeconds();
	}

	/**
	 * For observations, statistics and stations, which change only when a load completes: shared caches may keep
	 * them until the next load. Answers true if the request was answered with a 304.
	 */
	public boolean notModifiedSinceLoad(ServletWebRequest request, ListFormat format) {
		request.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, (this.sinceLoadCacheControl != null)
				? this.sinceLoadCacheControl : sinceLoadCacheControl());
		return notModified(request, this.dataVersions.lastLoad(), format);
	}

	/**
	 * For the job history, which changes while a job runs: caches must revalidate, which the ETag makes cheap.
	 */
	public boolean notModifiedSinceJobUpdate(ServletWebRequest request, ListFormat format) {
		request.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		return notModified(request, this.dataVersions.jobHistory(), format);
	}

	/**
	 * A resource of what the loads write (a station, the overview): the one {@code body} reads, or null when the
	 * request was answered with a 304 first.
	 */
	public <T> ResponseEntity<T> sinceLoad(ServletWebRequest request, Supplier<T> body) {
		return notModifiedSinceLoad(request, ListFormat.JSON) ? null : ResponseEntity.ok(body.get());
	}

	/**
	 * A resource of the job history (an execution, a run): the one {@code body} reads, or null when the request
	 * was answered with a 304 first.
	 */
	public <T> ResponseEntity<T> sinceJobUpdate(ServletWebRequest request, Supplier<T> body) {
		return notModifiedSinceJobUpdate(request, ListFormat.JSON) ? null : ResponseEntity.ok(body.get());
	}

	private boolean notModified(ServletWebRequest request, DataVersion version, ListFormat format) {
		// JSON and CSV of one URL are different representations, so they need different tags
		request.getResponse().addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		return request.checkNotModified("\"" + version.tag() + "-" + format.name().toLowerCase() + "\"");
	}

	Duration sharedMaxAge() {
		if (this.cache.loadTime() == null) {
			return this.cache.sharedMaxAge();
		}
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(this.cache.zone()));
		ZonedDateTime nextLoad = now.with(this.cache.loadTime());
		if (!nextLoad.isAfter(now)) {
			nextLoad = nextLoad.plusDays(1);
		}
		return Duration.between(now, nextLoad);
	}

}
