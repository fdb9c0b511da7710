package com.example.weather.api.metrics;

import com.example.weather.metrics.EmbeddedMetricFormatRegistry;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the API's request latency and errors ({@code http.server.requests}, recorded by Spring MVC's
 * observations) to CloudWatch when {@code metrics.cloudwatch.enabled} is true, through the registry of the shared
 * {@code cloudwatch-metrics} module. Off by default and in tests.
 */
@Configuration(proxyBeanMethods = false)
public class ApiMetricsConfiguration {

	/** Every other meter (JVM, Hikari, Tomcat...) would be a paid custom metric each, and nobody alarms on it. */
	static final MeterFilter ONLY_REQUESTS = MeterFilter
		.denyUnless((id) -> id.getName().startsWith("http.server.requests"));

	/** On the CloudWatch registry only: another registry, if any, keeps every meter. */
	@Bean
	public MeterRegistryCustomizer<EmbeddedMetricFormatRegistry> onlyRequestsToCloudWatch() {
		return (registry) -> registry.config().meterFilter(ONLY_REQUESTS);
	}

}
