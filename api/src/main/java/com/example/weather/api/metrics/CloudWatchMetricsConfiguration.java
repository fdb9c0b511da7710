package com.example.weather.api.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.util.NamedThreadFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the API's request latency and errors ({@code http.server.requests}, recorded by Spring MVC's
 * observations) to CloudWatch when {@code metrics.cloudwatch.enabled} is true. Off by default and in tests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CloudWatchMetricsProperties.class)
public class CloudWatchMetricsConfiguration {

	/** Every other meter (JVM, Hikari, Tomcat...) would be a paid custom metric each, and nobody alarms on it. */
	static final MeterFilter ONLY_REQUESTS = MeterFilter
		.denyUnless((id) -> id.getName().startsWith("http.server.requests"));

	@Bean(destroyMethod = "close")
	@ConditionalOnBooleanProperty("metrics.cloudwatch.enabled")
	public EmbeddedMetricFormatRegistry cloudWatchMeterRegistry(CloudWatchMetricsProperties properties) {
		// stdout, not a logger: CloudWatch reads a metric line only when it is the whole log event; looked up at each
		// line, not once, so that whoever redirects System.out later (a test's output capture) gets the lines
		EmbeddedMetricFormatRegistry registry = new EmbeddedMetricFormatRegistry(properties.namespace(),
				properties.step(), Clock.SYSTEM, (line) -> System.out.println(line));
		registry.config().meterFilter(ONLY_REQUESTS);
		registry.start(new NamedThreadFactory("cloudwatch-metrics"));
		return registry;
	}

}
