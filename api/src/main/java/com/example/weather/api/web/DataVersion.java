package com.example.weather.api.web;

import java.sql.Timestamp;
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

	/** The version of what the loads write: the newest completed load, which ended at {@code end}. */
	public static DataVersion ofLoad(long executionId, Timestamp end) {
		return new DataVersion("load-" + executionId + "-" + millis(end), executionId, toLocal(end));
	}

	/**
	 * The version of the job history: its newest execution, and when an execution and a step were last updated.
	 */
	public static DataVersion ofJobHistory(long lastExecutionId, Timestamp jobUpdated, Timestamp stepUpdated) {
		return new DataVersion("jobs-" + lastExecutionId + "-" + millis(jobUpdated) + "-" + millis(stepUpdated),
				lastExecutionId, toLocal(jobUpdated));
	}

	private static long millis(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.getTime() : 0;
	}

	private static LocalDateTime toLocal(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

}
