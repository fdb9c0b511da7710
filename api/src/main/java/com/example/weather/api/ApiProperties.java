package com.example.weather.api;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the API, bound from {@code weather.api.*} (environment: {@code WEATHER_API_*}).
 *
 * @param jobName the ingest job whose last completed execution versions the data
 * @param dataVersionTtl how long the data version is reused before it is read again: a new load shows up in
 * ETags at most this much later, and no request pays for an extra query
 * @param cors cross-origin access for browsers
 * @param cache HTTP caching of data responses
 * @param responseCacheSize how many bytes of JSON pages the API keeps in memory until the next load
 * @param rowCountCacheSize how many totals of filtered lists (one a filter, about 230 bytes each) the API keeps
 * until the next load
 * @param exports how many CSV exports run at once
 * @param queryTimeout the longest a statement may run on the API's pool: a longer one is cancelled by the database
 * and answered 503, so that it cannot hold a connection the other requests wait for
 */
@ConfigurationProperties("weather.api")
public record ApiProperties(@DefaultValue("weatherIngestJob") String jobName,
		@DefaultValue("5s") Duration dataVersionTtl, @DefaultValue Cors cors, @DefaultValue Cache cache,
		@DefaultValue("64MB") DataSize responseCacheSize, @DefaultValue("100000") int rowCountCacheSize,
		@DefaultValue Exports exports, @DefaultValue("10s") Duration queryTimeout) {

	public ApiProperties {
		if (rowCountCacheSize < 0) {
			throw new IllegalArgumentException("weather.api.row-count-cache-size must not be negative, was "
					+ rowCountCacheSize);
		}
	}

	/**
	 * @param allowedOrigins origins allowed to GET from a browser; {@code *} for any; empty (the default: the web
	 * console is served from the API's own origin) for none
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
	}

	/**
	 * CSV exports each hold a request thread for as long as their client reads; over {@code maxConcurrent} at once,
	 * an export is refused with a 429 saying to retry after {@code retryAfter}.
	 */
	public record Exports(@DefaultValue("2") int maxConcurrent, @DefaultValue("30s") Duration retryAfter) {

		public Exports {
			if (maxConcurrent < 1) {
				throw new IllegalArgumentException("weather.api.exports.max-concurrent must be at least 1, was "
						+ maxConcurrent);
			}
		}

	}

	/**
	 * Data only changes when a load completes, so shared caches (a CDN) may keep responses until then. If
	 * {@code loadTime} is set, {@code s-maxage} runs until its next occurrence; otherwise it is
	 * {@code sharedMaxAge}. Either way the ETag lets a cache revalidate cheaply.
	 *
	 * @param maxAge how long a browser may reuse a response without asking
	 * @param sharedMaxAge how long a shared cache may keep a response, when no load time is configured
	 * @param loadTime time of day the nightly load usually finishes, or unset
	 * @param zone the time zone of {@code loadTime}
	 */
	public record Cache(@DefaultValue("60s") Duration maxAge, @DefaultValue("1h") Duration sharedMaxAge,
			LocalTime loadTime, @DefaultValue("UTC") ZoneId zone) {
	}

}
