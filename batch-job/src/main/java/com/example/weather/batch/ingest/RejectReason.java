package com.example.weather.batch.ingest;

/**
 * Why a line is not loaded. Each rule is a code DBAs can group by and a message a person can read; the
 * message is completed with the offending value when the line is rejected.
 */
public enum RejectReason {

	LINE_TOO_LONG("longer than the " + ObservationLine.MAX_LENGTH + " characters a line may have; its beginning is kept"),
	WRONG_FIELD_COUNT("expected 4 tab-separated fields: date, max temperature, min temperature, precipitation"),
	UNPARSEABLE_FIELD("a field is not an integer"),
	INVALID_DATE("the date is not a real calendar date in YYYYMMDD form"),
	TEMPERATURE_OUT_OF_RANGE("temperature outside -90..60 °C"),
	NEGATIVE_PRECIPITATION("precipitation is negative and not the missing marker -9999"),
	PRECIPITATION_OUT_OF_RANGE("precipitation over 2000 mm in a day"),
	DUPLICATE_DATE("a second line for a date this file already has");

	private final String message;

	RejectReason(String message) {
		this.message = message;
	}

	public String message() {
		return this.message;
	}

	public String describe(String detail) {
		return detail == null ? this.message : this.message + ": " + detail;
	}

}
