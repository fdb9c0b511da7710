package com.example.weather.api.web;

import java.time.LocalDateTime;

/**
 * What the data looks like right now, as a token that changes whenever it may have changed.
 *
 * @param tag the token ETags are made of
 * @param executionId the execution behind it, or null
 * @param at when it changed (for the load version: when the load completed), or null
 */
public record DataVersion(String tag, Long executionId, LocalDateTime at) {

	/** No load has completed yet. */
	public static final DataVersion NONE = new DataVersion("none", null, null);

}
