package com.example.weather.batch.ingest;

/**
 * Too many rejected lines in one run: the input is more likely broken than dirty, so the run fails rather than
 * load a fraction of it.
 */
public class RejectLimitExceededException extends RuntimeException {

	public RejectLimitExceededException(long rejected, long limit) {
		super("%d lines rejected in this run, over the limit of %d (ingest.reject-limit); see ingest_reject"
			.formatted(rejected, limit));
	}

}
