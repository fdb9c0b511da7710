package com.example.weather.batch.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job's metrics: always measured by {@link IngestMetrics}, published only when
 * {@code metrics.cloudwatch.enabled} is true, by the CloudWatch registry of the shared {@code cloudwatch-metrics}
 * module ({@code com.example.weather.metrics}).
 */
@Configuration(proxyBeanMethods = false)
public class IngestMetricsConfiguration {

	@Bean
	public IngestMetrics ingestMetrics(ObjectProvider<MeterRegistry> registries) {
		return new IngestMetrics(registries);
	}

}
