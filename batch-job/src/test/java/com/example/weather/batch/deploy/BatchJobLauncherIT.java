package com.example.weather.batch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's layout the build leaves in {@code target/app/}, run as the image runs it: {@code bin/batch-job} with
 * the arguments of {@code java -jar}, on the embedded H2 default in a temporary folder. An integration test (failsafe)
 * because it needs the packaged layout. {@code -XX:AOTMode=on} makes the JVM refuse to start unless the AOT cache
 * the build trained maps, so a passing run also says the cache serves this JVM.
 */
class BatchJobLauncherIT {

	private static final Path APP = Path.of(System.getProperty("app.dir", "target/app")).toAbsolutePath();

	@TempDir
	Path workDir;

	@Test
	void givenThePackagedLayout_whenTheLauncherRunsANight_thenItLoadsTheBundledSampleWithTheTrainedCache()
			throws Exception {
		Launch launch = launch("run.date=2026-11-24");

		assertThat(launch.exitCode()).as(launch.output()).isZero();
		assertThat(launch.output()).contains("Run run.date=2026-11-24 (execution 1) ended COMPLETED")
			.contains("3,293 inserted")
			.doesNotContain("[warning][aot]");
		assertThat(workDir.resolve("data")).isDirectory();
	}

	@Test
	void givenTheLauncher_whenItGetsABadArgument_thenItExitsAsTheJarDoes() throws Exception {
		Launch launch = launch("run.date=yesterday");

		assertThat(launch.exitCode()).as(launch.output()).isEqualTo(2);
	}

	private Launch launch(String... arguments) throws IOException, InterruptedException {
		Path output = workDir.resolve("launcher.log");
		List<String> command = new ArrayList<>(List.of(APP.resolve("bin/batch-job").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command)
			.directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("JAVA_OPTS", "-XX:AOTMode=on -Xmx256m");
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("bin/batch-job still running after 120 s:\n" + Files.readString(output));
		}
		return new Launch(process.exitValue(), Files.readString(output));
	}

	private record Launch(int exitCode, String output) {
	}

}
