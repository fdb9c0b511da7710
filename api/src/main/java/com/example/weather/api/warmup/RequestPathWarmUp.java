package com.example.weather.api.warmup;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.example.weather.api.stations.StationRepository;
import com.example.weather.api.web.ResponseCache;
import com.example.weather.api.web.RowCounts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Warms the request path up before the task reports ready. Spring Boot sets readiness to ACCEPTING_TRAFFIC only
 * once every {@link ApplicationRunner} has returned, while Tomcat already listens: so this runner holds
 * {@code /actuator/health/readiness} at 503 (liveness is up throughout) while it sends the API's own port, over
 * loopback, the requests clients make most, through the whole path (Tomcat, filters, MVC, JDBC, Jackson), until
 * the JIT compiler has compiled it. Without it a new task serves its first minute under load at a fraction of its
 * speed, still interpreting and compiling (bench/README.md).
 * <p>
 * The requests are random station-year pages and statistics of the stations in the database, and a few stations;
 * their start dates vary, so that nearly all of them miss the response cache and run the query, the count and the
 * serialisation, as a real first minute does. When it is done the response cache and the row counts are emptied:
 * clients find them as a start without warm-up leaves them. Its requests are left out of the request metrics
 * ({@link WarmUpRequests}). It never fails the start: with an empty database it warms what it can.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestPathWarmUp implements ApplicationRunner, ApplicationListener<ContextClosedEvent> {

	private static final Log logger = LogFactory.getLog(RequestPathWarmUp.class);

	private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);

	private final WarmUpProperties properties;

	private final WarmUpRequests requests;

	private final ApplicationContext context;

	private final StationRepository stationRepository;

	private final ResponseCache responseCache;

	private final RowCounts rowCounts;

	private final LongAdder sent = new LongAdder();

	private volatile Result result;

	private volatile boolean closing;

	RequestPathWarmUp(WarmUpProperties properties, WarmUpRequests requests, ApplicationContext context,
			StationRepository stationRepository, ResponseCache responseCache, RowCounts rowCounts) {
		this.properties = properties;
		this.requests = requests;
		this.context = context;
		this.stationRepository = stationRepository;
		this.responseCache = responseCache;
		this.rowCounts = rowCounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.enabled()) {
			return;
		}
		if (!(this.context instanceof WebServerApplicationContext web) || web.getWebServer() == null
				|| web.getWebServer().getPort() <= 0) {
			logger.info("No warm-up: the API serves no port here");
			return;
		}
		try {
			this.result = warmUp(web.getWebServer().getPort());
			logger.info(this.result.describe());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.info("Warm-up interrupted");
		}
		catch (RuntimeException ex) {
			// a warm-up that could not finish leaves a slower first minute, never a task that does not start
			logger.warn("Warm-up stopped: " + ex, ex);
		}
		finally {
			this.responseCache.clear();
			this.rowCounts.clear();
		}
	}

	/** A task stopped while it warms up (SIGTERM) stops warming up at once, not at {@code max-duration}. */
	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.closing = true;
	}

	/** How many requests the warm-up has sent so far. */
	long sent() {
		return this.sent.sum();
	}

	/** What the warm-up did, once it is done; null before, or when it did not run. */
	Result result() {
		return this.result;
	}

	private Result warmUp(int port) throws InterruptedException {
		long start = System.nanoTime();
		List<StationYears> stations = stations();
		RequestMix mix = new RequestMix("http://127.0.0.1:" + port, stations);
		CompilerActivity compiler = new CompilerActivity(ManagementFactory.getCompilationMXBean());
		AtomicBoolean stop = new AtomicBoolean();
		AtomicReference<IOException> serverGone = new AtomicReference<>();
		LongAdder answered = new LongAdder();
		LongAdder failed = new LongAdder();
		String stoppedBecause;
		try (HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
				ExecutorService clients = Executors.newFixedThreadPool(this.properties.concurrency(),
						Thread.ofPlatform().name("warm-up-", 1).daemon().factory())) {
			for (int i = 0; i < this.properties.concurrency(); i++) {
				clients.execute(() -> {
					while (!stop.get() && !this.closing) {
						HttpRequest request = HttpRequest.newBuilder(mix.next())
							.timeout(Duration.ofSeconds(10))
							.header(WarmUpRequests.HEADER, this.requests.token())
							.build();
						try {
							int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
							(status < 400 ? answered : failed).increment();
						}
						catch (IOException ex) {
							// on loopback, only a server that stopped (the task is shutting down) fails to answer
							serverGone.compareAndSet(null, ex);
							stop.set(true);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							stop.set(true);
						}
						this.sent.increment();
					}
				});
			}
			long deadline = start + this.properties.maxDuration().toNanos();
			while (true) {
				Thread.sleep(SAMPLE_EVERY);
				compiler.sample();
				if (this.closing) {
					stoppedBecause = "the application is stopping";
					break;
				}
				if (serverGone.get() != null) {
					stoppedBecause = "the server stopped answering (" + serverGone.get() + ")";
					break;
				}
				if (System.nanoTime() - deadline >= 0) {
					stoppedBecause = "max-duration " + this.properties.maxDuration() + " reached";
					break;
				}
				if (this.sent.sum() >= this.properties.minRequests()
						&& compiler.quietFor(this.properties.quietWindow(), this.properties.quietCompileTime())) {
					stoppedBecause = "the JIT compiler went quiet";
					break;
				}
			}
			stop.set(true);
		}
		return new Result(this.sent.sum(), answered.sum(), failed.sum(), stations.size(),
				Duration.ofNanos(System.nanoTime() - start), compiler.total(),
				compiler.during(this.properties.quietWindow()), this.properties.quietWindow(), stoppedBecause);
	}

	/** The stations the warm-up asks about, with their years; none if the database has none (or no schema yet). */
	private List<StationYears> stations() {
		try {
			return this.stationRepository.findAll()
				.stream()
				.filter((station) -> station.firstDate() != null && station.lastDate() != null)
				.map((station) -> new StationYears(station.stationId(), station.firstDate().getYear(),
						station.lastDate().getYear()))
				.toList();
		}
		catch (DataAccessException ex) {
			logger.info("Warm-up without stations: " + ex.getMostSpecificCause().getMessage());
			return List.of();
		}
	}

	/**
	 * What the warm-up did.
	 *
	 * @param requests requests sent
	 * @param answered answered with a 2xx or 3xx
	 * @param failed answered with a 4xx or 5xx
	 * @param stations the stations it asked about
	 * @param took how long it held readiness back
	 * @param compileTime compilation time of all compiler threads since the JVM started
	 * @param lastWindowCompileTime of which in the last quiet window
	 * @param window that window
	 * @param stoppedBecause why it stopped
	 */
	record Result(long requests, long answered, long failed, int stations, Duration took, Duration compileTime,
			Duration lastWindowCompileTime, Duration window, String stoppedBecause) {

		String describe() {
			return String.format(Locale.ROOT,
					"Warmed up in %.1f s: %d requests (%d failed) on %d stations; the JIT compiled for %.1f s since "
							+ "the start, %d ms in the last %.1f s; stopped because %s",
					this.took.toMillis() / 1000.0, this.requests, this.failed, this.stations,
					this.compileTime.toMillis() / 1000.0, this.lastWindowCompileTime.toMillis(),
					this.window.toMillis() / 1000.0, this.stoppedBecause);
		}

	}

	private record StationYears(String id, int firstYear, int lastYear) {
	}

	/**
	 * The requests clients make most, as {@code bench/wrk/} sends them: station-year pages of 50 rows (six in ten),
	 * station-year statistics (three in ten), a station and the first page of stations. Without stations, pages and
	 * statistics of all stations.
	 */
	private record RequestMix(String base, List<StationYears> stations) {

		URI next() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			int kind = random.nextInt(100);
			if (this.stations.isEmpty()) {
				int year = random.nextInt(1985, 2015);
				return URI.create(this.base + switch (kind % 3) {
					case 0 -> "/api/weather?start_date=%d-01-%02d&end_date=%d-12-31&per_page=50"
						.formatted(year, random.nextInt(1, 29), year);
					case 1 -> "/api/weather/stats?year=" + year;
					default -> "/api/stations";
				});
			}
			StationYears station = this.stations.get(random.nextInt(this.stations.size()));
			int year = random.nextInt(station.firstYear(), station.lastYear() + 1);
			String id = station.id();
			if (kind < 60) {
				// a start day of its own (a cache key of its own): the page is read and written, not replayed
				return URI.create(this.base + "/api/weather?station_id=%s&start_date=%d-01-%02d&end_date=%d-12-31&per_page=50"
					.formatted(id, year, random.nextInt(1, 29), year));
			}
			if (kind < 90) {
				return URI.create(this.base + "/api/weather/stats?station_id=%s&year=%d".formatted(id, year));
			}
			if (kind < 97) {
				return URI.create(this.base + "/api/stations/" + id);
			}
			return URI.create(this.base + "/api/stations?per_page=50");
		}

	}

	/** The JIT compiler's accumulated compilation time, sampled, to tell when it has stopped compiling. */
	private static final class CompilerActivity {

		private final CompilationMXBean compilation;

		private final Deque<long[]> samples = new ArrayDeque<>();

		CompilerActivity(CompilationMXBean compilation) {
			this.compilation = (compilation != null && compilation.isCompilationTimeMonitoringSupported())
					? compilation : null;
			sample();
		}

		void sample() {
			this.samples.addLast(new long[] { System.nanoTime(), totalMillis() });
		}

		/**
		 * True if the compiler spent less than {@code limit} during the last {@code window}; never when its time
		 * cannot be read (the warm-up then runs to its maximum).
		 */
		boolean quietFor(Duration window, Duration limit) {
			return this.compilation != null && covers(window) && during(window).compareTo(limit) < 0;
		}

		Duration during(Duration window) {
			long since = System.nanoTime() - window.toNanos();
			long[] first = this.samples.peekFirst();
			for (long[] sample : this.samples) {
				if (sample[0] <= since) {
					first = sample;
				}
			}
			while (this.samples.size() > 2 && this.samples.peekFirst() != first) {
				this.samples.removeFirst();
			}
			return Duration.ofMillis(this.samples.peekLast()[1] - first[1]);
		}

		Duration total() {
			return Duration.ofMillis(totalMillis());
		}

		private boolean covers(Duration window) {
			return System.nanoTime() - this.samples.peekFirst()[0] >= window.toNanos();
		}

		private long totalMillis() {
			return (this.compilation != null) ? this.compilation.getTotalCompilationTime() : 0;
		}

	}

}
