package com.example.weather.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.example.weather.api.server.RequestThreads;
import com.example.weather.api.support.ExportWarehouse;
import com.example.weather.api.support.RawHttp;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that start a CSV export and stop reading, over real sockets with small receive buffers, against a
 * warehouse whose export outlasts every buffer in between: they hold request threads (up to the cap), each lent
 * one more while it runs, never a database connection, and short requests and both health probes still answer on
 * the server's 2 threads while they are held. A client that never reads again is cut after
 * {@code server.tomcat.connection-timeout}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.connection-timeout=10s", "weather.api.exports.max-concurrent=2" })
@ContextConfiguration(initializers = ExportWarehouse.class)
class SlowExportIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(90);

	@LocalServerPort
	int port;

	@Autowired
	CsvExportLimit exports;

	@Autowired
	DataSource dataSource;

	@Autowired
	RequestThreads requestThreads;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@Test
	void whileSlowReadersHoldExportsTheProbesAndPagesAnswerAndFurtherExportsAreTurnedAway() throws Exception {
		List<Socket> readers = new ArrayList<>();
		try {
			// two take the two export permits and stop reading
			for (int i = 0; i < 2; i++) {
				Socket reader = startExport();
				readers.add(reader);
				assertThat(statusLine(reader)).startsWith("HTTP/1.1 200");
			}
			awaitUntil("both exports are running", () -> this.exports.running() == 2);
			// an export takes its permit, then its thread: running() can count it a moment before the thread is lent
			awaitUntil("a thread lent to each export", () -> this.requestThreads.max() == 4);
			// blocked on their clients, they hold no connection: the batches they read are already sent
			awaitUntil("the exports give their connections back while they wait on their clients",
					() -> activeConnections() == 0);

			// the third and fourth are refused at once, with when to come back
			for (int i = 0; i < 2; i++) {
				RawHttp.Response refused = RawHttp.send(this.port, "GET", "/api/weather?format=csv");
				assertThat(refused.status()).isEqualTo(429);
				assertThat(refused.header("retry-after")).isEqualTo("30");
				assertThat(refused.header("content-type")).startsWith("application/problem+json");
				assertThat(refused.body()).contains("weather.api.exports.max-concurrent");
			}

			for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/api/health",
					"/api/weather?station_id=ALPHA1&per_page=2&page=2", "/api/weather?per_page=3&page=40000",
					"/api/weather/stats?year=2021", "/api/jobs/1")) {
				HttpResponse<String> response = get(path);
				assertThat(response.statusCode()).as(path).isEqualTo(200);
			}
			assertThat(this.exports.running()).as("the exports were still held meanwhile").isEqualTo(2);
			assertThat(this.requestThreads.max()).isEqualTo(4);
		}
		finally {
			for (Socket reader : readers) {
				reader.close();
			}
		}
		awaitUntil("closed clients end their exports", () -> this.exports.running() == 0);
		assertThat(this.requestThreads.max()).as("the lent threads given back").isEqualTo(2);
		assertThat(get("/api/stations?format=csv").statusCode()).isEqualTo(200);
	}

	@Test
	void aClientThatStopsReadingIsCutAfterTheConnectionTimeout() throws Exception {
		awaitUntil("no export left from another test", () -> this.exports.running() == 0);
		try (Socket reader = startExport()) {
			assertThat(statusLine(reader)).startsWith("HTTP/1.1 200");
			awaitUntil("the export is running", () -> this.exports.running() == 1);
			// never read again: the server's write times out and the export ends, freeing its permit
			awaitUntil("the stalled export is cut", () -> this.exports.running() == 0);
			assertThat(drain(reader)).as("the client got less than the whole export")
				.isLessThan(ExportWarehouse.EXTRA_ROWS * 30L);
		}
	}

	private Socket startExport() throws IOException {
		Socket socket = new Socket();
		// a small window: the server's writes block as soon as a few buffers are full
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 10_000);
		socket.setSoTimeout((int) BOUND.toMillis());
		socket.getOutputStream()
			.write("GET /api/weather?format=csv HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
		return socket;
	}

	/** Reads the status line only, leaving the rest unread. */
	private static String statusLine(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) >= 0 && c != '\n') {
			line.append((char) c);
		}
		return line.toString().strip();
	}

	/** Reads what is left until the server closes or resets the connection; the number of bytes. */
	private static long drain(Socket socket) {
		long bytes = 0;
		byte[] buffer = new byte[64 * 1024];
		try {
			InputStream in = socket.getInputStream();
			int n;
			while ((n = in.read(buffer)) >= 0) {
				bytes += n;
			}
		}
		catch (IOException ex) {
			// reset: cut
		}
		return bytes;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int activeConnections() {
		return ((HikariDataSource) this.dataSource).getHikariPoolMXBean().getActiveConnections();
	}

	private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + BOUND.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + BOUND + ": " + what);
			}
			Thread.sleep(50);
		}
	}

}
