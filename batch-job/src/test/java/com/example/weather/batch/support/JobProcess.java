package com.example.weather.batch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.example.weather.batch.WeatherIngestApplication;

/**
 * The ingest job as the scheduler runs it: a separate JVM started from the test classpath, with its own
 * environment and arguments, that can be waited for, sent SIGTERM or killed with SIGKILL.
 */
public final class JobProcess {

	/** How the processes' database sessions show in {@code pg_stat_activity}. */
	public static final String APPLICATION_NAME = "ingest-job-under-test";

	private final Process process;

	private final Path log;

	private JobProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	public static JobProcess start(Path workDir, Map<String, String> environment, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx256m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(WeatherIngestApplication.class.getName());
		command.addAll(List.of(arguments));
		try {
			Files.createDirectories(workDir);
			Path log = Files.createTempFile(workDir, "job-", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			return new JobProcess(builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits for the process to exit and returns its exit code. */
	public int waitFor(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("Job did not exit within " + timeout + "; its log:\n" + log());
		}
		return this.process.exitValue();
	}

	/** SIGTERM, as ECS sends when it stops a task. */
	public void terminate() {
		this.process.destroy();
	}

	/** SIGKILL: no shutdown hook runs, nothing is cleaned up. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Map<String, String> postgres(String url) {
		return postgres(url, APPLICATION_NAME);
	}

	/** With the processes' database sessions named {@code applicationName}, to end one process's sessions alone. */
	public static Map<String, String> postgres(String url, String applicationName) {
		String withName = url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
		return Map.of("SPRING_DATASOURCE_URL", withName, "SPRING_DATASOURCE_USERNAME", TestPostgres.USER,
				"SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD);
	}

}
