package com.example.weather.batch.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the station-years whose statistics are out of date into ranges of stations with about as many
 * station-years each, one partition per range, so that they are computed on several connections at once: a full
 * load leaves every station-year out of date, and one connection aggregating 1.7 million rows took a seventh of the
 * job's time. A night that changed nothing has no partition at all.
 */
public class StationRangePartitioner implements Partitioner {

	private final TouchedYears touchedYears;

	public StationRangePartitioner(JdbcTemplate jdbcTemplate) {
		this.touchedYears = new TouchedYears(jdbcTemplate);
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		List<TouchedYears.TouchedStation> stations = this.touchedYears.byStation();
		long total = stations.stream().mapToLong(TouchedYears.TouchedStation::years).sum();
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		String first = null;
		long done = 0;
		for (TouchedYears.TouchedStation station : stations) {
			first = (first != null) ? first : station.stationId();
			done += station.years();
			// cut when this range brings the total to its share of the grid; the last station always does
			if (done * gridSize >= total * (partitions.size() + 1)) {
				putRange(partitions, first, station.stationId());
				first = null;
			}
		}
		return partitions;
	}

	private static void putRange(Map<String, ExecutionContext> partitions, String first, String last) {
		ExecutionContext context = new ExecutionContext();
		context.putString(StatsStepContext.FIRST_STATION, first);
		context.putString(StatsStepContext.LAST_STATION, last);
		partitions.put(first.equals(last) ? first : first + ".." + last, context);
	}

}
