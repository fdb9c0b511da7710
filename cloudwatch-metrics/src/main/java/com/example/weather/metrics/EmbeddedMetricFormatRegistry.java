package com.example.weather.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.step.StepMeterRegistry;
import io.micrometer.core.instrument.step.StepRegistryConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Micrometer registry that publishes to CloudWatch through its logs: each step, one line per meter in the
 * CloudWatch Embedded Metric Format, which CloudWatch Logs turns into metrics when the line arrives through the
 * task's {@code awslogs} driver. That needs no CloudWatch client, no {@code cloudwatch:PutMetricData} permission
 * and no network call at exit: the last values are on stdout before the JVM ends. (Micrometer's own CloudWatch
 * registry is not available from the package registries this project builds from.)
 * <p>
 * Tags become dimensions, so an alarm names a metric by its name and all of its tags.
 */
public class EmbeddedMetricFormatRegistry extends StepMeterRegistry {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String namespace;

	private final Consumer<String> out;

	public EmbeddedMetricFormatRegistry(String namespace, Duration step, Clock clock, Consumer<String> out) {
		super(config(step), clock);
		this.namespace = namespace;
		this.out = out;
	}

	private static StepRegistryConfig config(Duration step) {
		return new StepRegistryConfig() {

			@Override
			public String prefix() {
				return "metrics.cloudwatch";
			}

			@Override
			public String get(String key) {
				return null;
			}

			@Override
			public Duration step() {
				return step;
			}

		};
	}

	@Override
	protected void publish() {
		long timestamp = this.clock.wallTime();
		for (Meter meter : getMeters()) {
			Map<String, Object> values = new LinkedHashMap<>();
			Map<String, String> units = new LinkedHashMap<>();
			String name = meter.getId().getName();
			meter.use((gauge) -> put(values, units, name, gauge.value(), "None"),
					(counter) -> put(values, units, name, counter.count(), "Count"), (timer) -> {
						put(values, units, name + ".count", timer.count(), "Count");
						put(values, units, name + ".sum", timer.totalTime(TimeUnit.MILLISECONDS), "Milliseconds");
						put(values, units, name + ".max", timer.max(TimeUnit.MILLISECONDS), "Milliseconds");
					}, (summary) -> {
						put(values, units, name + ".count", summary.count(), "Count");
						put(values, units, name + ".sum", summary.totalAmount(), "None");
						put(values, units, name + ".max", summary.max(), "None");
					}, (longTaskTimer) -> put(values, units, name + ".active", longTaskTimer.activeTasks(), "Count"),
					(gauge) -> put(values, units, name, gauge.value(), "None"),
					(counter) -> put(values, units, name, counter.count(), "Count"), (timer) -> {
						put(values, units, name + ".count", timer.count(), "Count");
						put(values, units, name + ".sum", timer.totalTime(TimeUnit.MILLISECONDS), "Milliseconds");
					}, (other) -> other.measure()
						.forEach((measurement) -> put(values, units,
								name + "." + measurement.getStatistic().getTagValueRepresentation(),
								measurement.getValue(), "None")));
			if (!values.isEmpty()) {
				this.out.accept(line(meter, timestamp, values, units));
			}
		}
	}

	/** CloudWatch refuses NaN and infinities: a gauge whose object is gone is left out, not sent as garbage. */
	private static void put(Map<String, Object> values, Map<String, String> units, String name, double value,
			String unit) {
		if (Double.isFinite(value)) {
			values.put(name, value);
			units.put(name, unit);
		}
	}

	private String line(Meter meter, long timestamp, Map<String, Object> values, Map<String, String> units) {
		Map<String, Object> event = new LinkedHashMap<>();
		List<String> dimensions = new ArrayList<>();
		for (Tag tag : meter.getId().getTagsAsIterable()) {
			// CloudWatch rejects empty dimension values
			if (!tag.getValue().isEmpty()) {
				dimensions.add(tag.getKey());
				event.put(tag.getKey(), tag.getValue());
			}
		}
		List<Map<String, Object>> metrics = new ArrayList<>();
		units.forEach((name, unit) -> metrics.add(Map.of("Name", name, "Unit", unit)));
		event.put("_aws", Map.of("Timestamp", timestamp, "CloudWatchMetrics",
				List.of(Map.of("Namespace", this.namespace, "Dimensions", List.of(dimensions), "Metrics", metrics))));
		event.putAll(values);
		return JSON.writeValueAsString(event);
	}

	@Override
	protected TimeUnit getBaseTimeUnit() {
		return TimeUnit.MILLISECONDS;
	}

}
