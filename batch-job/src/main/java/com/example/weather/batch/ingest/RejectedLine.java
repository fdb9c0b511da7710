package com.example.weather.batch.ingest;

/**
 * A line that was not loaded, with where it came from and why.
 */
public record RejectedLine(ObservationLine line, RejectReason reason, String detail) implements ValidatedLine {

	public String describe() {
		return this.reason.describe(this.detail);
	}

}
