package com.example.weather.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.example.weather.batch.launch.IngestArguments;
import com.example.weather.batch.launch.IngestExitCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.example.weather.deploy.DeploymentFiles.BATCH_TASK_DEF;
import static com.example.weather.deploy.DeploymentFiles.RERUN_SCRIPT;
import static com.example.weather.deploy.DeploymentFiles.json;
import static com.example.weather.deploy.DeploymentFiles.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rerun script, run for real with {@code --dry-run}: the {@code aws ecs run-task} call it would make starts
 * the batch family with a command the job accepts, and a date the job would refuse never starts a task.
 */
class RerunNightScriptTests {

	private static final Map<String, String> AWS_SETTINGS = Map.of("AWS_REGION", "eu-west-1", "ECS_CLUSTER",
			"weather", "SUBNET_A", "subnet-a", "SUBNET_B", "subnet-b", "BATCH_SECURITY_GROUP_ID", "sg-batch");

	private final JsonNode taskDef = json(BATCH_TASK_DEF);

	@Test
	void givenAPastNight_whenRerunDry_thenItRunsTheBatchFamilyWithThatRunDate() throws Exception {
		Result result = run(AWS_SETTINGS, "2026-11-20", "--dry-run");

		assertThat(result.exitCode()).as(result.err()).isZero();
		List<String> command = result.out().lines().toList();
		assertThat(command.subList(0, 3)).containsExactly("aws", "ecs", "run-task");
		assertThat(after(command, "--task-definition")).isEqualTo(this.taskDef.get("family").asString());
		assertThat(after(command, "--launch-type")).isEqualTo("FARGATE");
		assertThat(after(command, "--network-configuration")).contains("subnet-a,subnet-b", "sg-batch",
				"assignPublicIp=DISABLED");
		JsonNode override = json(after(command, "--overrides")).get("containerOverrides").get(0);
		assertThat(override.get("name").asString())
			.isEqualTo(DeploymentFiles.onlyContainer(this.taskDef).get("name").asString());
		IngestArguments arguments = IngestArguments.parse(strings(override.get("command")), null,
				Clock.system(ZoneOffset.UTC));
		assertThat(arguments.runDate()).isEqualTo(LocalDate.of(2026, 11, 20));
	}

	@Test
	void givenADateTheJobWouldRefuse_whenRerun_thenNoTaskStartsAndTheScriptExitsLikeTheJob() throws Exception {
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		for (String date : List.of("2026-02-30", "20261120", "yesterday", tomorrow)) {
			Result result = run(AWS_SETTINGS, date, "--dry-run");

			assertThat(result.exitCode()).as(date).isEqualTo(IngestExitCode.INVALID_ARGUMENTS.code());
			assertThat(result.out()).as(date).doesNotContain("run-task");
			assertThat(result.err()).as(date).contains(date);
		}
	}

	@Test
	void givenNoClusterSettings_whenRerun_thenItSaysWhichVariableIsMissing() throws Exception {
		Result result = run(Map.of("AWS_REGION", "eu-west-1"), "2026-11-20", "--dry-run");

		assertThat(result.exitCode()).isEqualTo(IngestExitCode.INVALID_ARGUMENTS.code());
		assertThat(result.err()).contains("ECS_CLUSTER");
	}

	private static String after(List<String> command, String option) {
		return command.get(command.indexOf(option) + 1);
	}

	private static Result run(Map<String, String> environment, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", RERUN_SCRIPT.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().keySet().removeIf((name) -> name.startsWith("AWS_") || AWS_SETTINGS.containsKey(name));
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().close();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("rerun-night.sh did not end");
		}
		return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
				new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String out, String err) {
	}

}
