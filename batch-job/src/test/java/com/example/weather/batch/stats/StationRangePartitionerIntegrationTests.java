package com.example.weather.batch.stats;

import java.time.LocalDate;
import java.util.Map;

import com.example.weather.batch.IngestJobTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class StationRangePartitionerIntegrationTests extends IngestJobTestSupport {

	private static final long JOB_INSTANCE = 7;

	@Test
	void givenTouchedStations_whenSplitForTwo_thenEachRangeHasAboutHalfTheStationYears() {
		touch("A", 10);
		touch("B", 2);
		touch("C", 3);
		touch("D", 5);
		touch("E", 10);

		Map<String, ExecutionContext> ranges = partitioner().partition(2);

		assertThat(ranges).containsOnlyKeys("A..C", "D..E");
		assertThat(ranges.get("A..C").getString(StatsStepContext.FIRST_STATION)).isEqualTo("A");
		assertThat(ranges.get("A..C").getString(StatsStepContext.LAST_STATION)).isEqualTo("C");
	}

	@Test
	void givenFewerStationsThanTheGrid_whenSplit_thenOneRangePerStation() {
		touch("A", 1);
		touch("B", 1);

		assertThat(partitioner().partition(4)).containsOnlyKeys("A", "B");
	}

	@Test
	void givenOneAtATime_whenSplit_thenOneRangeCoversEveryStation() {
		touch("A", 1);
		touch("B", 30);

		assertThat(partitioner().partition(1)).containsOnlyKeys("A..B");
	}

	@Test
	void givenStaleYearsLeftByAnotherRun_whenSplit_thenTheyAreIncluded() {
		touch("A", 1);
		touchForAnotherRun("B", 1);

		assertThat(partitioner().partition(2)).containsOnlyKeys("A", "B");
	}

	@Test
	void givenNothingOutOfDate_whenSplit_thenThereIsNoPartition() {
		assertThat(partitioner().partition(2)).isEmpty();
	}

	private StationRangePartitioner partitioner() {
		return new StationRangePartitioner(this.jdbc);
	}

	private void touch(String station, int years) {
		touch(JOB_INSTANCE, station, years);
	}

	private void touchForAnotherRun(String station, int years) {
		touch(JOB_INSTANCE + 1, station, years);
	}

	private void touch(long jobInstance, String station, int years) {
		for (int year = 2000; year < 2000 + years; year++) {
			this.jdbc.update("INSERT INTO ingest_touched_year (job_instance_id, station_id, year, first_day, "
					+ "next_first_day) VALUES (?, ?, ?, ?, ?)", jobInstance, station, year, LocalDate.of(year, 1, 1),
					LocalDate.of(year + 1, 1, 1));
		}
	}

}
