package com.example.weather.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines the CloudWatch registry writes, on a clock the test moves: CloudWatch's Embedded Metric Format, one
 * line per meter, each step's values published once.
 */
class EmbeddedMetricFormatRegistryTests {

	private static final Duration STEP = Duration.ofMinutes(1);

	private final MockClock clock = new MockClock();

	private final List<String> lines = new ArrayList<>();

	private final EmbeddedMetricFormatRegistry registry = new EmbeddedMetricFormatRegistry("WeatherTest", STEP,
			this.clock, this.lines::add);

	@Test
	void givenACounterWithTags_whenTheRegistryCloses_thenALineCarriesItsValueAsAMetricWithItsTagsAsDimensions() {
		Counter.builder("ingest.rows.rejected").tag("job", "weatherIngestJob").register(this.registry).increment(7);

		this.registry.close();

		JsonNode line = onlyLineWith("ingest.rows.rejected");
		assertThat(line.get("ingest.rows.rejected").asDouble()).isEqualTo(7.0);
		assertThat(line.get("job").asString()).isEqualTo("weatherIngestJob");
		JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
		assertThat(directive.get("Namespace").asString()).isEqualTo("WeatherTest");
		assertThat(directive.get("Dimensions").get(0).get(0).asString()).isEqualTo("job");
		assertThat(directive.get("Dimensions").get(0).size()).isEqualTo(1);
		assertThat(directive.get("Metrics").get(0).get("Name").asString()).isEqualTo("ingest.rows.rejected");
		assertThat(directive.get("Metrics").get(0).get("Unit").asString()).isEqualTo("Count");
		assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(this.clock.wallTime());
	}

	@Test
	void givenATimer_whenPublished_thenItsCountSumAndMaxAreMillisecondMetrics() {
		Timer timer = Timer.builder("ingest.job.duration").tag("status", "COMPLETED").register(this.registry);
		timer.record(Duration.ofMillis(1500));
		timer.record(Duration.ofMillis(500));

		this.registry.close();

		JsonNode line = onlyLineWith("ingest.job.duration.count");
		assertThat(line.get("ingest.job.duration.count").asDouble()).isEqualTo(2.0);
		assertThat(line.get("ingest.job.duration.sum").asDouble()).isEqualTo(2000.0);
		assertThat(line.get("ingest.job.duration.max").asDouble()).isEqualTo(1500.0);
		assertThat(line.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").valueStream()
			.filter((metric) -> metric.get("Name").asString().endsWith(".sum"))
			.map((metric) -> metric.get("Unit").asString())).containsExactly("Milliseconds");
	}

	@Test
	void givenAStepHasPassed_whenPublishedOnScheduleAndAtClose_thenEachStepsCountIsWrittenOnce() {
		Counter counter = Counter.builder("ingest.job.runs").register(this.registry);
		counter.increment(3);
		this.clock.add(STEP);
		// what the registry's thread does just after each step boundary
		this.registry.publish();
		counter.increment(2);

		this.registry.close();

		assertThat(this.lines).hasSize(2);
		assertThat(this.lines.stream().map(EmbeddedMetricFormatRegistryTests::json)
			.mapToDouble((line) -> line.get("ingest.job.runs").asDouble())).containsExactly(3.0, 2.0);
	}

	@Test
	void givenAGaugeWithoutAValue_whenPublished_thenItIsLeftOutRatherThanSentAsNaN() {
		AtomicReference<Object> gone = new AtomicReference<>(new Object());
		Gauge.builder("weather.gone", gone, (ref) -> Double.NaN).register(this.registry);
		Counter.builder("ingest.rows.read").register(this.registry).increment();

		this.registry.close();

		assertThat(this.lines).hasSize(1).noneMatch((line) -> line.contains("weather.gone"));
	}

	private JsonNode onlyLineWith(String metric) {
		List<JsonNode> matching = this.lines.stream().map(EmbeddedMetricFormatRegistryTests::json)
			.filter((line) -> line.has(metric))
			.toList();
		assertThat(matching).as("lines with " + metric + " in " + this.lines).hasSize(1);
		return matching.get(0);
	}

	private static JsonNode json(String line) {
		return JsonMapper.builder().build().readTree(line);
	}

}
