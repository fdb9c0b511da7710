package com.example.weather.api.web;

import java.time.Duration;

/**
 * As many CSV exports run as the API allows at once; answered with a 429 problem and {@code Retry-After}.
 */
public class TooManyExportsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyExportsException(int limit, Duration retryAfter) {
		super("%d CSV exports are running, as many as this server runs at once "
			.formatted(limit) + "(weather.api.exports.max-concurrent); try again later, or page through the JSON");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
