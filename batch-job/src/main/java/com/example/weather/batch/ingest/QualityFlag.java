package com.example.weather.batch.ingest;

/**
 * Soft anomalies: the value is physically possible, so the line is loaded, but it deserves a second look.
 * Thresholds are in the file's units (tenths of a degree Celsius, tenths of a millimetre).
 */
public enum QualityFlag {

	/** Max below min: real in this dataset (737 lines), often a reading taken at a different hour. */
	MAX_BELOW_MIN,
	/** Max temperature above 45 °C. */
	EXTREME_HEAT,
	/** Min temperature below -45 °C. */
	EXTREME_COLD,
	/** More than 300 mm of precipitation in a day. */
	EXTREME_PRECIPITATION;

	static final int EXTREME_HEAT_TENTHS = 450;

	static final int EXTREME_COLD_TENTHS = -450;

	static final int EXTREME_PRECIPITATION_TENTHS = 3000;

}
