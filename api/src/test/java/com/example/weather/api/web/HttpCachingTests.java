package com.example.weather.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.example.weather.api.ApiProperties;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class HttpCachingTests {

	private static final Clock TEN_PM_UTC = Clock.fixed(Instant.parse("2026-11-24T22:00:00Z"), ZoneOffset.UTC);

	@Test
	void sharedCachesKeepResponsesUntilTheNextLoadWhenItsTimeIsKnown() {
		assertThat(caching(LocalTime.of(2, 30), ZoneId.of("UTC")).sharedMaxAge()).isEqualTo(Duration.ofMinutes(270));
		assertThat(caching(LocalTime.of(23, 0), ZoneId.of("UTC")).sharedMaxAge()).isEqualTo(Duration.ofHours(1));
		// 22:00 UTC is 23:00 in Paris in November
		assertThat(caching(LocalTime.of(23, 0), ZoneId.of("Europe/Paris")).sharedMaxAge())
			.isEqualTo(Duration.ofHours(24));
	}

	@Test
	void otherwiseForTheConfiguredSharedMaxAge() {
		assertThat(caching(null, ZoneId.of("UTC")).sharedMaxAge()).isEqualTo(Duration.ofHours(1));
	}

	private static HttpCaching caching(LocalTime loadTime, ZoneId zone) {
		ApiProperties properties = new ApiProperties("weatherIngestJob", Duration.ofSeconds(5),
				new ApiProperties.Cors(List.of("*"), Duration.ofHours(1)),
				new ApiProperties.Cache(Duration.ofSeconds(60), Duration.ofHours(1), loadTime, zone),
				DataSize.ofMegabytes(32), 100_000, new ApiProperties.Exports(2, Duration.ofSeconds(30)),
				Duration.ofSeconds(10));
		return new HttpCaching(null, properties, TEN_PM_UTC);
	}

}
