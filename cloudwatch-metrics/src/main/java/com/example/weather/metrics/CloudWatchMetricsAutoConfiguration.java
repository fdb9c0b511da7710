package com.example.weather.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.util.NamedThreadFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Publishes an application's metrics to CloudWatch when {@code metrics.cloudwatch.enabled} is true; off by default
 * and in tests. The registry is closed with the context, which publishes the values of the last, partial step
 * before the process exits. Which meters go out is each application's choice (the API narrows them with a
 * {@code MeterRegistryCustomizer}); what the namespace is comes from its {@code application.yml} or environment.
 * <p>
 * Before Boot's simple registry, as Boot's own exporters are, so that a switched-on application has this registry
 * only and not an in-memory one beside it.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		beforeName = {
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@EnableConfigurationProperties(CloudWatchMetricsProperties.class)
public final class CloudWatchMetricsAutoConfiguration {

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
