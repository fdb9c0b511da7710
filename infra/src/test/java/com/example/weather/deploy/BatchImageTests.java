package com.example.weather.deploy;

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
 * The job's image, read as text (no Docker here): it copies the layout the Maven build leaves in
 * {@code batch-job/target/app/}, trains the ahead-of-time cache again with its own JVM and runs the launcher, and
 * the JVM options are valid for this JDK. {@code BatchJobLauncherIT} runs that launcher.
 */
class BatchImageTests {

	private static final Path DOCKERFILE = DeploymentFiles.TASK_DEFS.resolve("images/batch-job.Dockerfile");

	private static final Path JVM_OPTIONS = DeploymentFiles.ROOT.resolve("batch-job/jvm.options");

	@Test
	void givenTheDockerfile_whenItIsRead_thenItCopiesTheBuiltLayoutRetrainsTheCacheAndRunsTheLauncher()
			throws IOException {
		String dockerfile = Files.readString(DOCKERFILE);

		assertThat(entrypoint(dockerfile)).containsExactly("/app/bin/batch-job");
		assertThat(dockerfile).contains("FROM eclipse-temurin:25-jre")
			.contains("COPY batch-job/target/app/lib/ lib/")
			.contains("COPY batch-job/target/app/bin/ bin/")
			.contains("COPY batch-job/target/app/batch-job.jar batch-job/target/app/jvm.options ./")
			.contains("RUN bin/train-aot-cache")
			.doesNotContain(".aot ");
		assertThat(DeploymentFiles.ROOT.resolve("batch-job/src/app/bin/batch-job")).isExecutable();
		assertThat(DeploymentFiles.ROOT.resolve("batch-job/src/app/bin/train-aot-cache")).isExecutable();
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
