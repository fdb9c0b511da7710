package com.example.weather.api.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's layout the build leaves in {@code target/app/}, started as the image starts it: {@code bin/api} with the
 * arguments of {@code java -jar}, on the embedded H2 default in a temporary folder, until its health endpoint
 * answers; then stopped as ECS stops it. An integration test (failsafe) because it needs the packaged layout.
 * {@code -XX:AOTMode=on} makes the JVM refuse to start unless the AOT cache the build trained maps, so a healthy
 * start also says the cache serves this JVM. On Linux the JVM runs under the {@code SCHED_BATCH} policy the launcher
 * asks for.
 */
class ApiLauncherIT {

	/** Linux's {@code SCHED_BATCH}, as {@code sched.h} numbers it. */
	private static final int SCHED_BATCH = 3;

	private static final Path APP = Path.of(System.getProperty("app.dir", "target/app")).toAbsolutePath();

	@TempDir
	Path workDir;

	@Test
	void givenThePackagedLayout_whenTheLauncherStartsTheApi_thenHealthAnswersAndSigtermStopsIt() throws Exception {
		int port = freePort();
		Path output = workDir.resolve("launcher.log");
		ProcessBuilder builder = new ProcessBuilder(APP.resolve("bin/api").toString(), "--server.port=" + port)
			.directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("JAVA_OPTS", "-XX:AOTMode=on -Xmx256m");
		Process api = builder.start();
		try {
			assertThat(healthWithin(api, port, Duration.ofSeconds(120))).as(() -> read(output)).isEqualTo(200);
			if (Files.exists(Path.of("/proc/self/stat"))) {
				assertThat(schedulingPolicy(api.pid())).as(() -> read(output)).isEqualTo(SCHED_BATCH);
			}

			api.destroy();
			assertThat(api.waitFor(60, TimeUnit.SECONDS)).as(() -> read(output)).isTrue();
			assertThat(read(output)).doesNotContain("[warning][aot]");
		}
		finally {
			api.destroyForcibly();
		}
	}

	/**
	 * The policy field of {@code /proc/PID/stat} (the 41st; the second, the command's name, is in parentheses and
	 * may hold spaces). The launcher {@code exec}s, so the process started is the JVM.
	 */
	private static int schedulingPolicy(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Integer.parseInt(afterName[41 - 3]);
	}

	private static int healthWithin(Process api, int port, Duration limit) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline && api.isAlive()) {
			try {
				return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException notListeningYet) {
				Thread.sleep(250);
			}
		}
		return -1;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

}
