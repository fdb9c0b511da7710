package com.example.weather.batch.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API over HTTP: Adobe's S3Mock, started from its executable jar (copied into {@code target/s3mock} by the
 * build) in a separate JVM on a free port, and stopped with the tests.
 */
public final class S3MockServer implements AutoCloseable {

	public static final String ACCESS_KEY = "test-access-key";

	public static final String SECRET_KEY = "test-secret-key";

	private final Process process;

	private final int port;

	private S3MockServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static S3MockServer start() throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar"));
		if (!Files.exists(jar)) {
			throw new IllegalStateException("No S3Mock jar at " + jar + ": run the tests through Maven");
		}
		int port = freePort();
		Path log = Files.createTempFile("s3mock-", ".log");
		Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
				"-jar", jar.toString(), "--http.port=" + port, "--server.port=" + freePort())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		S3MockServer server = new S3MockServer(process, port);
		server.awaitReady(Duration.ofSeconds(60), log);
		return server;
	}

	public String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	public S3Client client() {
		return S3Client.builder()
			.endpointOverride(URI.create(endpoint()))
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.build();
	}

	private void awaitReady(Duration timeout, Path log) throws InterruptedException, IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("S3Mock exited:\n" + Files.readString(log));
			}
			try {
				HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
				connection.setConnectTimeout(500);
				if (connection.getResponseCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("S3Mock did not start within " + timeout + ":\n" + Files.readString(log));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

}
