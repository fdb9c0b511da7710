package com.example.weather.api.metrics;

import com.example.weather.metrics.CloudWatchMetricsAutoConfiguration;
import com.example.weather.metrics.EmbeddedMetricFormatRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudWatch switch with the API's own application.yml: off unless metrics.cloudwatch.enabled is true.
 * <p>
 * Goes to {@code api/src/test/java/com/example/weather/api/metrics/ApiMetricsSwitchTests.java}.
 */
class ApiMetricsSwitchTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(CloudWatchMetricsAutoConfiguration.class))
		.withUserConfiguration(ApiMetricsConfiguration.class);

	@Test
	void givenNoSetting_whenTheApiStarts_thenNothingIsPublishedToCloudWatch() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedMetricFormatRegistry.class));
	}

	@Test
	void givenTheCloudProfileAlone_whenTheApiStarts_thenNothingIsPublishedToCloudWatch() {
		this.runner.withPropertyValues("spring.profiles.active=cloud")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedMetricFormatRegistry.class));
	}

	@Test
	void givenMetricsSwitchedOn_whenTheApiStarts_thenTheCloudWatchRegistryExists() {
		this.runner.withPropertyValues("metrics.cloudwatch.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(EmbeddedMetricFormatRegistry.class));
	}

}
