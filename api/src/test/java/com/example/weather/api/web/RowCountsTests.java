package com.example.weather.api.web;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.example.weather.api.ApiProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class RowCountsTests {

	private static final DataVersion LOAD_1 = new DataVersion("load-1", 1L, null);

	private static final DataVersion LOAD_2 = new DataVersion("load-2", 2L, null);

	private final AtomicInteger counted = new AtomicInteger();

	@Test
	void givenAsManyFiltersAsTheBound_whenEachIsAskedTwice_thenEachIsCountedOnce() {
		RowCounts counts = new RowCounts(1_000);

		IntStream.range(0, 1_000).forEach((station) -> count(counts, station, LOAD_1));
		IntStream.range(0, 1_000).forEach((station) -> count(counts, station, LOAD_1));

		assertThat(this.counted).hasValue(1_000);
		assertThat(counts.size()).isEqualTo(1_000);
	}

	@Test
	void givenOneFilterMoreThanTheBound_whenTheLeastRecentlyUsedIsAskedAgain_thenOnlyItIsCountedAgain() {
		RowCounts counts = new RowCounts(3);
		count(counts, 1, LOAD_1);
		count(counts, 2, LOAD_1);
		count(counts, 3, LOAD_1);
		count(counts, 1, LOAD_1);

		count(counts, 4, LOAD_1);
		count(counts, 1, LOAD_1);
		count(counts, 2, LOAD_1);

		assertThat(this.counted).hasValue(5);
		assertThat(counts.size()).isEqualTo(3);
	}

	@Test
	void givenANewLoad_whenAFilterIsAskedAgain_thenItIsCountedAgain() {
		RowCounts counts = new RowCounts(10);

		long before = count(counts, 1, LOAD_1);
		long after = count(counts, 1, LOAD_2);

		assertThat(this.counted).hasValue(2);
		assertThat(after).isEqualTo(before + 1);
	}

	@Test
	void givenABoundOfZero_whenAFilterIsAskedTwice_thenItIsCountedTwice() {
		RowCounts counts = new RowCounts(0);

		count(counts, 1, LOAD_1);
		count(counts, 1, LOAD_1);

		assertThat(this.counted).hasValue(2);
		assertThat(counts.size()).isZero();
	}

	@Test
	void givenANegativeSize_whenTheApiStarts_thenItFailsNamingTheSetting() {
		new ApplicationContextRunner().withUserConfiguration(Settings.class)
			.withPropertyValues("weather.api.row-count-cache-size=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("weather.api.row-count-cache-size must not be negative, was -1"));
	}

	@Test
	void givenNoSetting_whenTheApiStarts_thenEveryStationYearOfSixteenTimesTheRealDatasetFits() {
		new ApplicationContextRunner().withUserConfiguration(Settings.class)
			.run((context) -> assertThat(context.getBean(ApiProperties.class).rowCountCacheSize())
				.isGreaterThanOrEqualTo(16 * 167 * 30));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ApiProperties.class)
	@Import(RowCounts.class)
	static class Settings {

	}

	// each count returns how many counts ran before it, so a total served from memory is recognisable
	private long count(RowCounts counts, int station, DataVersion version) {
		return counts.count("observations", "station-" + station, version, this.counted::getAndIncrement);
	}

}
