package com.example.weather.api.warmup;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.example.weather.api.WeatherApiApplication;
import com.example.weather.api.support.LoadedWarehouse;
import com.example.weather.api.web.ResponseCache;
import com.example.weather.api.web.RowCounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real start on a real port against the {@link LoadedWarehouse}, watched from outside as the load balancer and the
 * container watch it: while the warm-up sends its requests, readiness answers 503 and liveness 200; readiness
 * answers 200 only once the warm-up is done, having sent its requests through the whole path without an error.
 * After it, clients find the caches and the request metrics as a start without warm-up leaves them.
 */
class RequestPathWarmUpIntegrationTests {

	private static final int MIN_REQUESTS = 100;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void givenANewTask_whileItWarmsUp_thenItIsAliveButNotReady_andOnceReadyClientsFindNoTraceOfTheWarmUp()
			throws Exception {
		int port = freePort();
		AtomicReference<ConfigurableApplicationContext> starting = new AtomicReference<>();
		SpringApplication application = new SpringApplicationBuilder(WeatherApiApplication.class)
			.initializers(new LoadedWarehouse(), starting::set)
			.build();
		CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture
			.supplyAsync(() -> application.run("--server.port=" + port, "--weather.api.warm-up.enabled=true",
					"--weather.api.warm-up.min-requests=" + MIN_REQUESTS, "--weather.api.warm-up.max-duration=8s",
					"--weather.api.warm-up.quiet-window=1s",
					// the request metrics as CloudWatch gets them, in the in-memory registry rather than its log lines
					"--management.observations.enable.http.server.requests=true",
					"--management.simple.metrics.export.enabled=true"));
		try {
			List<Probe> probes = new ArrayList<>();
			while (!started.isDone()) {
				probes.add(probe(port, starting.get()));
				Thread.sleep(20);
			}
			ConfigurableApplicationContext context = started.get(1, TimeUnit.MINUTES);
			RequestPathWarmUp warmUp = context.getBean(RequestPathWarmUp.class);
			RequestPathWarmUp.Result result = warmUp.result();

			assertThat(probes).as("while it warmed up, as seen from outside")
				.anyMatch((probe) -> probe.readiness() == 503 && probe.liveness() == 200 && probe.sent() > 0);
			assertThat(probes).as("ready only once the warm-up was done")
				.allMatch((probe) -> probe.readiness() != 200 || probe.warmedUp());
			assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
			assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
			// on a loaded machine max-duration may come before min-requests: either ends it
			assertThat(result.requests()).isPositive().isEqualTo(warmUp.sent());
			assertThat(result.requests() >= MIN_REQUESTS || result.stoppedBecause().startsWith("max-duration"))
				.as(result.describe())
				.isTrue();
			assertThat(result.stations()).as("the loaded stations")
				.isEqualTo(context.getBean(JdbcTemplate.class)
					.queryForObject("SELECT count(*) FROM weather_station", Integer.class))
				.isPositive();
			assertThat(result.failed()).as("requests answered with an error").isZero();
			assertThat(result.answered()).isEqualTo(result.requests());

			ResponseCache responseCache = context.getBean(ResponseCache.class);
			RowCounts rowCounts = context.getBean(RowCounts.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(responseCache.weight()).as("bytes of pages kept from the warm-up").isZero();
			assertThat(rowCounts.size()).as("totals kept from the warm-up").isZero();
			assertThat(apiRequestTimers(meters)).as("request metrics of the warm-up").isEmpty();

			// what a client asks is kept and measured as before
			assertThat(status(port, "/api/weather/stats?station_id=ALPHA1&year=2020")).isEqualTo(200);
			assertThat(responseCache.weight()).isPositive();
			assertThat(rowCounts.size()).isEqualTo(1);
			// the server stops a request's timer after the response has gone out
			for (int wait = 0; wait < 50 && apiRequestTimers(meters).isEmpty(); wait++) {
				Thread.sleep(100);
			}
			assertThat(apiRequestTimers(meters)).singleElement()
				.satisfies((timer) -> assertThat(timer.getId().getTag("uri")).isEqualTo("/api/weather/stats"))
				.satisfies((timer) -> assertThat(timer.count()).isEqualTo(1));
		}
		finally {
			started.thenAccept(ConfigurableApplicationContext::close);
			started.get(2, TimeUnit.MINUTES);
		}
	}

	/**
	 * Readiness, liveness, then how far the warm-up is: a readiness of 200 before it was done would show as
	 * {@code warmedUp} false.
	 */
	private Probe probe(int port, ConfigurableApplicationContext context) {
		int readiness = status(port, "/actuator/health/readiness");
		int liveness = status(port, "/actuator/health/liveness");
		long sent = 0;
		boolean warmedUp = false;
		if (readiness > 0 && context != null) {
			// the server answers only once every bean exists
			RequestPathWarmUp warmUp = context.getBean(RequestPathWarmUp.class);
			sent = warmUp.sent();
			warmedUp = warmUp.result() != null;
		}
		return new Probe(readiness, liveness, sent, warmedUp);
	}

	private record Probe(int readiness, int liveness, long sent, boolean warmedUp) {
	}

	/** The status of GET {@code path}, or 0 while nothing listens. */
	private int status(int port, String path) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException notListeningYet) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The request timers of the API's own endpoints (the probes' are actuator's). */
	private static List<Timer> apiRequestTimers(MeterRegistry meters) {
		return meters.find("http.server.requests")
			.timers()
			.stream()
			.filter((timer) -> String.valueOf(timer.getId().getTag("uri")).startsWith("/api/"))
			.toList();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
