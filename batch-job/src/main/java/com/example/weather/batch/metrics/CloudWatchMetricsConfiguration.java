package com.example.weather.batch.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.util.NamedThreadFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job's metrics: always measured by {@link IngestMetrics}, published only when
 * {@code metrics.cloudwatch.enabled} is true. The registry is closed with the context, which publishes the values
 * of the last, partial step before the process exits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CloudWatchMetricsProperties.class)
public class CloudWatchMetricsConfiguration {

	@Bean
	public IngestMetrics ingestMetrics(ObjectProvider<MeterRegistry> registries) {
		return new IngestMetrics(registries);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnBooleanProperty("metrics.cloudwatch.enabled")
	public EmbeddedMetricFormatRegistry cloudWatchMeterRegistry(CloudWatchMetricsProperties properties) {
		// stdout, not a logger: CloudWatch reads a metric line only when it is the whole log event; looked up at each
		// line, not once, so that whoever redirects System.out later (a test's output capture) gets the lines
		EmbeddedMetricFormatRegistry registry = new EmbeddedMetricFormatRegistry(properties.namespace(),
				properties.step(), Clock.SYSTEM, (line) -> System.out.println(line));
		registry.start(new NamedThreadFactory("cloudwatch-metrics"));
		return registry;
	}

}
