package com.example.weather.api.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real ingest job, run as the operator runs it: {@code java -jar batch-job.jar}, in a child process.
 */
public final class IngestJob {

	private IngestJob() {
	}

	public static Path jar() {
		String location = System.getProperty("batch-job.jar", "../batch-job/target/batch-job.jar");
		Path jar = Path.of(location).toAbsolutePath().normalize();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The ingest job's jar is missing at " + jar + ": build it first with "
					+ "'./mvnw -B -pl batch-job -am package -DskipTests' (or run the whole reactor)");
		}
		return jar;
	}

	/** The fixture station files, as a folder the job reads. */
	public static Path fixtureFolder() {
		try {
			return Path.of(IngestJob.class.getResource("/stations/ALPHA1.txt").toURI()).getParent();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Fixture station files not found on the test classpath", ex);
		}
	}

	/**
	 * Runs the job for {@code runDate} (and any further job {@code arguments}) on the fixture files, in
	 * {@code workingDirectory}, with {@code environment} added; fails unless it exits 0.
	 */
	public static void run(String runDate, Path workingDirectory, Map<String, String> environment,
			String... arguments) {
		run(runDate, fixtureFolder(), workingDirectory, environment, 0, arguments);
	}

	/**
	 * Runs the job for {@code runDate} on the station files in {@code input}; fails unless it exits with
	 * {@code expectedExitCode}.
	 */
	public static void run(String runDate, Path input, Path workingDirectory, Map<String, String> environment,
			int expectedExitCode, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-jar");
		command.add(jar().toString());
		command.add("run.date=" + runDate);
		command.addAll(List.of(arguments));
		command.add("--ingest.input=file:" + input + File.separator);
		try {
			Path log = Files.createTempFile("ingest-job-", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("The ingest job did not finish within 2 minutes; log: " + log);
			}
			if (process.exitValue() != expectedExitCode) {
				throw new IllegalStateException("The ingest job exited with " + process.exitValue() + ", not "
						+ expectedExitCode + ":\n" + Files.readString(log));
			}
			Files.delete(log);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run the ingest job", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
