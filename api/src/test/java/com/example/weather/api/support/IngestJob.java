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

	/**
	 * The job's executable jar, as Maven resolved the API's dependency on it (api/pom.xml hands its path over as
	 * the system property {@code batch-job.jar}): never a guess at where another module builds.
	 */
	public static Path jar() {
		String location = System.getProperty("batch-job.jar");
		if (location == null) {
			throw new IllegalStateException("No system property batch-job.jar: run the API's tests with Maven "
					+ "('./mvnw -B -pl api -am verify'), which resolves the ingest job's jar and sets it, or set it "
					+ "to that jar yourself");
		}
		Path jar = Path.of(location).toAbsolutePath().normalize();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The ingest job's jar is missing at " + jar);
		}
		return jar;
	}

	/** The fixture station files, as a folder the job reads. */
	public static Path fixtureFolder() {
		return resourceFolder("stations");
	}

	/**
	 * Runs the job for {@code runDate} (and any further job {@code arguments}) on the fixture files, in
	 * {@code workingDirectory}, with {@code environment} added; fails unless it exits 0.
	 */
	public static void run(String runDate, Path workingDirectory, Map<String, String> environment,
			String... arguments) {
		run(0, fixtureFolder(), runDate, workingDirectory, environment, arguments);
	}

	/**
	 * Runs the job for {@code runDate} (and any further job {@code arguments}) on the station files in
	 * {@code input}, in {@code workingDirectory}, with {@code environment} added; fails unless it exits with
	 * {@code expectedExitCode} (1: the run failed).
	 */
	public static void run(int expectedExitCode, Path input, String runDate, Path workingDirectory,
			Map<String, String> environment, String... arguments) {
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

	/** A folder of station files on the test class path, e.g. {@code stations}. */
	public static Path resourceFolder(String name) {
		try {
			return Path.of(IngestJob.class.getResource("/" + name).toURI());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Station files '" + name + "' not found on the test classpath", ex);
		}
	}

}
