package com.example.weather.batch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's image, read as text (no Docker here): it runs the jar its build extracts, with the JVM options and the
 * class data sharing archive it builds, and those options are valid for this JDK.
 */
class BatchImageTests {

	private static final Path DOCKERFILE = DeploymentFiles.TASK_DEFS.resolve("images/batch-job.Dockerfile");

	private static final Path JVM_OPTIONS = DeploymentFiles.ROOT.resolve("batch-job/jvm.options");

	@Test
	void givenTheDockerfile_whenItsEntrypointIsRead_thenItRunsTheExtractedJarWithTheOptionsAndArchiveItBuilds()
			throws IOException {
		String dockerfile = Files.readString(DOCKERFILE);

		assertThat(entrypoint(dockerfile)).containsExactly("java", "@jvm.options",
				"-XX:SharedArchiveFile=batch-job.jsa", "-jar", "batch-job.jar");
		assertThat(dockerfile).contains("COPY batch-job/target/batch-job.jar batch-job.jar")
			.contains("COPY batch-job/jvm.options ./")
			.contains("java @jvm.options -XX:ArchiveClassesAtExit=batch-job.jsa -Dspring.context.exit=onRefresh "
					+ "-jar batch-job.jar");
	}

	@Test
	void givenTheJvmOptions_whenAJvmStartsWithThem_thenItAcceptsEveryOne() throws Exception {
		Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"@" + JVM_OPTIONS, "-version")
			.redirectErrorStream(true)
			.start();
		String output = new String(java.getInputStream().readAllBytes());

		assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(java.exitValue()).as(output).isZero();
		assertThat(Files.readAllLines(JVM_OPTIONS)).filteredOn((line) -> line.startsWith("-XX:")).isNotEmpty();
	}

	private static List<String> entrypoint(String dockerfile) {
		Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(dockerfile);
		assertThat(entrypoint.find()).as("an exec-form ENTRYPOINT").isTrue();
		return Pattern.compile("\"([^\"]*)\"").matcher(entrypoint.group(1)).results().map((m) -> m.group(1)).toList();
	}

}
