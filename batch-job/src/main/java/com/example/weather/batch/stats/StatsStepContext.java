package com.example.weather.batch.stats;

/**
 * The keys of a {@code refreshStationStats} partition's step execution context: the station range the partitioner
 * gives it and what the refresh recomputed. The API reads the counts by these same strings: they never change.
 */
public final class StatsStepContext {

	static final String FIRST_STATION = "stats.first-station";

	static final String LAST_STATION = "stats.last-station";

	public static final String STATION_YEARS = "stats.station-years";

	public static final String STATIONS = "stats.stations";

	private StatsStepContext() {
	}

}
