package com.example.weather.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publishing an application's metrics to CloudWatch, bound from {@code metrics.cloudwatch.*} (environment:
 * {@code METRICS_CLOUDWATCH_*}). Off unless switched on, so that a laptop or a test never writes metric lines.
 *
 * @param enabled whether to publish
 * @param namespace the CloudWatch namespace the metrics land in; the alarms under {@code eventbridge/alarms/} use it
 * @param step how much time one published value covers; a run shorter than that still publishes once, at exit
 */
@ConfigurationProperties("metrics.cloudwatch")
public record CloudWatchMetricsProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("WeatherWarehouse") String namespace, @DefaultValue("1m") Duration step) {

	public CloudWatchMetricsProperties {
		if (namespace == null || namespace.isBlank()) {
			throw new IllegalArgumentException("metrics.cloudwatch.namespace must not be blank");
		}
		if (step.isNegative() || step.isZero()) {
			throw new IllegalArgumentException("metrics.cloudwatch.step must be positive, was " + step);
		}
	}

}
