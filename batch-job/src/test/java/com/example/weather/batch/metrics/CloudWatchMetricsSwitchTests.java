package com.example.weather.batch.metrics;

import com.example.weather.metrics.CloudWatchMetricsAutoConfiguration;
import com.example.weather.metrics.CloudWatchMetricsProperties;
import com.example.weather.metrics.EmbeddedMetricFormatRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch of the CloudWatch registry, with the application's own {@code application.yml} loaded: off unless
 * {@code metrics.cloudwatch.enabled} (environment {@code METRICS_CLOUDWATCH_ENABLED}) is true.
 */
class CloudWatchMetricsSwitchTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(CloudWatchMetricsAutoConfiguration.class))
		.withUserConfiguration(IngestMetricsConfiguration.class);

	@Test
	void givenNoSetting_whenTheApplicationStarts_thenNoMeterRegistryExistsAndTheListenerIsHarmless() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MeterRegistry.class);
			assertThat(context).hasSingleBean(IngestMetrics.class);
		});
	}

	@Test
	void givenTheCloudProfile_whenNothingElseIsSet_thenMetricsStayOff() {
		this.runner.withPropertyValues("spring.profiles.active=cloud")
			.run((context) -> assertThat(context).doesNotHaveBean(MeterRegistry.class));
	}

	@Test
	void givenMetricsSwitchedOn_whenTheApplicationStarts_thenTheCloudWatchRegistryPublishesToTheNamespace() {
		this.runner.withPropertyValues("metrics.cloudwatch.enabled=true", "metrics.cloudwatch.namespace=Elsewhere")
			.run((context) -> {
				assertThat(context).hasSingleBean(EmbeddedMetricFormatRegistry.class);
				assertThat(context.getBean(CloudWatchMetricsProperties.class).namespace()).isEqualTo("Elsewhere");
			});
	}

	@Test
	void givenMetricsSwitchedOn_whenTheContextCloses_thenTheRegistryIsClosed() {
		EmbeddedMetricFormatRegistry[] registry = new EmbeddedMetricFormatRegistry[1];
		this.runner.withPropertyValues("metrics.cloudwatch.enabled=true")
			.run((context) -> registry[0] = context.getBean(EmbeddedMetricFormatRegistry.class));
		assertThat(registry[0].isClosed()).isTrue();
	}

}
