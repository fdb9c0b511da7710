package com.example.weather.api.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.weather.metrics.EmbeddedMetricFormatRegistry;
import io.micrometer.core.instrument.LongTaskTimer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With metrics switched on, real HTTP requests to the running API are timed by status and route, and the
 * CloudWatch registry writes them as Embedded Metric Format lines; nothing else is published.
 * <p>
 * Goes to {@code api/src/test/java/com/example/weather/api/metrics/ApiMetricsIntegrationTests.java}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "metrics.cloudwatch.enabled=true", "metrics.cloudwatch.namespace=WeatherTest",
				"spring.datasource.url=jdbc:h2:mem:api-metrics;MODE=PostgreSQL" })
@ExtendWith(OutputCaptureExtension.class)
class ApiMetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedMetricFormatRegistry cloudWatch;

	@Test
	void givenMetricsOn_whenRequestsArrive_thenTheirLatencyAndStatusArePublishedAndNothingElse(CapturedOutput output)
			throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		for (int i = 0; i < 3; i++) {
			client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/health")).build(),
					HttpResponse.BodyHandlers.discarding());
		}

		// the server stops a request's timer after the response has gone out
		LongTaskTimer active = this.cloudWatch.get("http.server.requests.active").longTaskTimer();
		for (int wait = 0; wait < 50 && active.activeTasks() > 0; wait++) {
			Thread.sleep(100);
		}
		assertThat(this.cloudWatch.getMeters()).isNotEmpty()
			.allMatch((meter) -> meter.getId().getName().startsWith("http.server.requests"));

		// a step registry writes each step's counts once: on schedule after the step, or at close for the last
		this.cloudWatch.close();

		List<String> health = output.getOut()
			.lines()
			.filter((line) -> line.contains("\"_aws\"") && line.contains("\"uri\":\"/api/health\""))
			.filter((line) -> line.contains("\"http.server.requests.count\""))
			.toList();
		assertThat(health).as(output.getOut()).isNotEmpty().allSatisfy((line) -> assertThat(line)
			.contains("\"Namespace\":\"WeatherTest\"", "\"status\":\"200\"", "\"http.server.requests.sum\""));
		assertThat(health.stream().mapToDouble(ApiMetricsIntegrationTests::requestCount).sum()).isEqualTo(3.0);
	}

	private static double requestCount(String line) {
		Matcher count = Pattern.compile("\"http\\.server\\.requests\\.count\":([0-9.]+)").matcher(line);
		assertThat(count.find()).isTrue();
		return Double.parseDouble(count.group(1));
	}

}
