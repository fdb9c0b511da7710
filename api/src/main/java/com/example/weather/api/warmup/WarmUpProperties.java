package com.example.weather.api.warmup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The warm-up before readiness, bound from {@code weather.api.warm-up.*}: it sends requests until the JIT compiler
 * has gone quiet (it compiled for less than {@code quietCompileTime} during the last {@code quietWindow}), after at
 * least {@code minRequests}, and never for longer than {@code maxDuration}.
 *
 * @param enabled whether the API warms itself up before it reports ready
 * @param maxDuration the longest the warm-up may hold readiness back
 * @param minRequests how many requests it sends at least (unless {@code maxDuration} comes first): the JIT going
 * quiet under one client's requests does not yet mean the request path is compiled for many clients' load, which
 * makes methods that one client left warm hot within seconds
 * @param quietWindow how long the compiler must stay quiet
 * @param quietCompileTime how much compilation time (all compiler threads) still counts as quiet in that window
 * @param concurrency how many requests it keeps in flight: one lets the compiler finish sooner than more would, which
 * only gave it more code paths to compile while taking its CPU
 */
@ConfigurationProperties("weather.api.warm-up")
public record WarmUpProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration maxDuration,
		@DefaultValue("20000") int minRequests, @DefaultValue("2s") Duration quietWindow,
		@DefaultValue("200ms") Duration quietCompileTime, @DefaultValue("1") int concurrency) {

	public WarmUpProperties {
		if (maxDuration.isNegative() || quietWindow.isNegative() || quietWindow.isZero()
				|| quietCompileTime.isNegative()) {
			throw new IllegalArgumentException("weather.api.warm-up durations must be positive (max-duration "
					+ maxDuration + ", quiet-window " + quietWindow + ", quiet-compile-time " + quietCompileTime + ")");
		}
		if (minRequests < 0 || concurrency < 1) {
			throw new IllegalArgumentException("weather.api.warm-up.min-requests must be at least 0 (was "
					+ minRequests + ") and concurrency at least 1 (was " + concurrency + ")");
		}
	}

}
