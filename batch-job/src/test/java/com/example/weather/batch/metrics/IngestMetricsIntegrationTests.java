package com.example.weather.batch.metrics;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.example.weather.batch.IngestJobTestSupport;
import com.example.weather.batch.WeatherIngestJobConfiguration;
import com.example.weather.batch.launch.IngestExitCode;
import com.example.weather.metrics.EmbeddedMetricFormatRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With metrics switched on, the real job run against PostgreSQL leaves its rows, duration and outcome in an
 * in-memory registry, and the CloudWatch registry writes them as Embedded Metric Format lines.
 */
@SpringBootTest(properties = { "ingest.run-on-startup=false", "ingest.chunk-size=100", "ingest.reject-limit=1",
		"metrics.cloudwatch.enabled=true", "metrics.cloudwatch.namespace=WeatherTest" })
@ExtendWith(OutputCaptureExtension.class)
class IngestMetricsIntegrationTests extends IngestJobTestSupport {

	private static final String JOB = WeatherIngestJobConfiguration.JOB_NAME;

	@Autowired
	SimpleMeterRegistry memory;

	@Autowired
	EmbeddedMetricFormatRegistry cloudWatch;

	@BeforeEach
	void emptyMeters() {
		this.memory.clear();
	}

	@Test
	void givenMetricsOn_whenARunCompletes_thenItsRowsDurationAndOutcomeAreRecorded() throws IOException {
		writeStation("ALPHA.txt", "20130101\t  100\t   10\t   50", "20130102\t  200\t  -10\t    0",
				"not a line of data");
		writeStation("BRAVO.txt", "20150601\t  300\t  150\t-9999");

		assertThat(run("2026-11-02")).isEqualTo(IngestExitCode.COMPLETED);

		assertThat(counter(IngestMetrics.ROWS_READ)).isEqualTo(4);
		assertThat(counter(IngestMetrics.ROWS_WRITTEN)).isEqualTo(3);
		assertThat(counter(IngestMetrics.ROWS_REJECTED)).isEqualTo(1);
		assertThat(counter(IngestMetrics.FAILURES)).isZero();
		assertThat(this.memory.get(IngestMetrics.RUNS).tags(IngestMetrics.JOB_TAG, JOB, IngestMetrics.STATUS_TAG,
				"COMPLETED").counter().count()).isEqualTo(1);
		Timer duration = this.memory.get(IngestMetrics.DURATION)
			.tags(IngestMetrics.JOB_TAG, JOB, IngestMetrics.STATUS_TAG, "COMPLETED")
			.timer();
		assertThat(duration.count()).isEqualTo(1);
		assertThat(duration.totalTime(TimeUnit.MILLISECONDS)).isPositive();
	}

	@Test
	void givenMetricsOn_whenARunFails_thenAFailureIsCounted() throws IOException {
		writeStation("ALPHA.txt", "20130101\t  100\t   10\t   50", "bad", "worse");

		assertThat(run("2026-11-03")).isEqualTo(IngestExitCode.NOT_COMPLETED);

		assertThat(counter(IngestMetrics.FAILURES)).isEqualTo(1);
		assertThat(this.memory.get(IngestMetrics.RUNS).tags(IngestMetrics.STATUS_TAG, "FAILED").counter().count())
			.isEqualTo(1);
		assertThat(this.memory.find(IngestMetrics.RUNS).tags(IngestMetrics.STATUS_TAG, "COMPLETED").counter())
			.isNull();
	}

	@Test
	void givenMetricsOn_whenTheApplicationCloses_thenTheRunsMetersAreWrittenForCloudWatch(CapturedOutput output)
			throws IOException {
		writeStation("ALPHA.txt", "20130101\t  100\t   10\t   50", "not a line of data");
		run("2026-11-04");

		// what the context does at exit: the last, partial step is published. The values are another step's
		// business (EmbeddedMetricFormatRegistryTests): a scheduled publication may have taken them already.
		int before = output.getOut().length();
		this.cloudWatch.close();

		List<JsonNode> lines = output.getOut()
			.substring(before)
			.lines()
			.filter((line) -> line.startsWith("{\"") && line.contains("\"_aws\""))
			.map((line) -> JsonMapper.builder().build().readTree(line))
			.toList();
		assertThat(lines).as(output.getOut())
			.anySatisfy((line) -> assertThat(line.has(IngestMetrics.ROWS_REJECTED)).isTrue())
			.anySatisfy((line) -> assertThat(line.has(IngestMetrics.DURATION + ".sum")).isTrue())
			.allSatisfy((line) -> {
				assertThat(line.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asString())
					.isEqualTo("WeatherTest");
				assertThat(line.get(IngestMetrics.JOB_TAG).asString()).isEqualTo(JOB);
			});
	}

	private double counter(String name) {
		return this.memory.get(name).tags(IngestMetrics.JOB_TAG, JOB).counter().count();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class InMemoryRegistry {

		@Bean
		SimpleMeterRegistry memoryMeterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
