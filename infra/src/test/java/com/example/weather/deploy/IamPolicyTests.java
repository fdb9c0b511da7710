package com.example.weather.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.example.weather.deploy.DeploymentFiles.BATCH_TASK_DEF;
import static com.example.weather.deploy.DeploymentFiles.TASK_DEFS;
import static com.example.weather.deploy.DeploymentFiles.environment;
import static com.example.weather.deploy.DeploymentFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IAM policies grant what the task definitions use and no more: the ingest task reads its input prefix only,
 * the execution role reads the secrets, log groups and images the task definitions name.
 */
class IamPolicyTests {

	private static final Path IAM = TASK_DEFS.resolve("iam");

	private final JsonNode batchContainer = DeploymentFiles.onlyContainer(json(BATCH_TASK_DEF));

	@Test
	void givenTheIngestTaskRole_whenTheJobListsAndReadsItsInput_thenItMayDoSoOnThatPrefixOnly() {
		String input = environment(this.batchContainer).get("INGEST_INPUT");
		String bucketAndPrefix = input.substring("s3://".length(), input.length() - 1);
		String bucket = bucketAndPrefix.substring(0, bucketAndPrefix.indexOf('/'));
		String prefix = bucketAndPrefix.substring(bucket.length() + 1);
		List<JsonNode> statements = statements(IAM.resolve("ingest-task-role-policy.json"));

		assertThat(statements).allSatisfy((statement) -> assertThat(statement.get("Effect").asString()).isEqualTo("Allow"));
		assertThat(actions(statements)).containsExactlyInAnyOrder("s3:ListBucket", "s3:GetObject");
		assertThat(resources(statements)).containsExactlyInAnyOrder("arn:aws:s3:::" + bucket,
				"arn:aws:s3:::" + bucket + "/" + prefix + "/*");
		JsonNode list = statements.stream().filter((s) -> s.get("Action").asString().equals("s3:ListBucket")).findFirst()
			.orElseThrow();
		assertThat(DeploymentFiles.strings(list.get("Condition").get("StringLike").get("s3:prefix")))
			.allMatch((p) -> p.startsWith(prefix + "/"));
	}

	@Test
	void givenTheExecutionRole_whenECSStartsATask_thenItReadsExactlyTheSecretsLogGroupsAndImagesOfBothTasks() {
		List<String> granted = resources(statements(IAM.resolve("execution-role-policy.json")));
		List<String> needed = new ArrayList<>();
		for (Path file : DeploymentFiles.jsonFiles()) {
			JsonNode taskDef = json(file);
			for (JsonNode container : taskDef.path("containerDefinitions")) {
				assertThat(taskDef.get("executionRoleArn").asString()).endsWith(":role/weather-ecs-execution");
				for (JsonNode secret : container.path("secrets")) {
					// ARN:json-key:version-stage:version-id selects a key; the policy grants the secret itself
					String valueFrom = secret.get("valueFrom").asString();
					needed.add(valueFrom.replaceFirst(":[^:]+:[^:]*:[^:]*$", ""));
				}
				needed.add(logStreams(container));
				String image = container.get("image").asString();
				needed.add("arn:aws:ecr:${AWS_REGION}:${AWS_ACCOUNT_ID}:repository/"
						+ image.substring(image.indexOf('/') + 1, image.lastIndexOf(':')));
			}
		}
		// ecr:GetAuthorizationToken has no resource-level permission
		needed.add("*");

		assertThat(granted).containsExactlyInAnyOrderElementsOf(needed.stream().distinct().toList());
	}

	@Test
	void givenTheSchedulerRole_whenTheSchedulesFire_thenItMayRunOnlyTheBatchAndWorkerFamiliesAndPassOnlyTheirRoles() {
		JsonNode taskDef = json(BATCH_TASK_DEF);
		List<JsonNode> statements = statements(IAM.resolve("scheduler-role-policy.json"));
		JsonNode target = json(DeploymentFiles.SCHEDULE).get("Target");

		JsonNode workerTaskDef = json(DeploymentFiles.WORKER_TASK_DEF);
		List<String> runTask = resources(statements.stream()
			.filter((s) -> s.get("Action").asString().equals("ecs:RunTask"))
			.toList());
		assertThat(runTask.stream().map(DeploymentFiles::family).distinct()).as("the job's and its workers' families")
			.containsExactlyInAnyOrder(taskDef.get("family").asString(), workerTaskDef.get("family").asString());
		assertThat(DeploymentFiles.family(json(DeploymentFiles.WORKER_SCHEDULE).get("Target")
			.get("EcsParameters").get("TaskDefinitionArn").asString())).isEqualTo(workerTaskDef.get("family").asString());
		assertThat(workerTaskDef.get("executionRoleArn")).as("the workers pass the same roles")
			.isEqualTo(taskDef.get("executionRoleArn"));
		assertThat(workerTaskDef.get("taskRoleArn")).isEqualTo(taskDef.get("taskRoleArn"));
		List<String> passRole = resources(statements.stream()
			.filter((s) -> s.get("Action").asString().equals("iam:PassRole"))
			.toList());
		assertThat(passRole).containsExactlyInAnyOrder(taskDef.get("executionRoleArn").asString(),
				taskDef.get("taskRoleArn").asString());
		assertThat(resources(statements)).contains(target.get("DeadLetterConfig").get("Arn").asString());
		assertThat(target.get("RoleArn").asString()).endsWith(":role/weather-scheduler");
	}

	@Test
	void givenEveryPolicy_whenParsed_thenNoStatementAllowsEverything() {
		for (Path file : DeploymentFiles.jsonFiles()) {
			if (file.startsWith(IAM) && !file.getFileName().toString().contains("trust")) {
				for (JsonNode statement : statements(file)) {
					if (statement.get("Effect").asString().equals("Allow")) {
						assertThat(actions(List.of(statement))).as(file.toString()).noneMatch((a) -> a.endsWith("*"));
						assertThat(resources(List.of(statement))).as(file.toString())
							.allMatch((r) -> !r.equals("*") || actions(List.of(statement))
								.equals(List.of("ecr:GetAuthorizationToken")));
					}
				}
			}
		}
	}

	private static String logStreams(JsonNode container) {
		JsonNode options = container.get("logConfiguration").get("options");
		return "arn:aws:logs:" + options.get("awslogs-region").asString() + ":${AWS_ACCOUNT_ID}:log-group:"
				+ options.get("awslogs-group").asString() + ":log-stream:*";
	}

	private static List<JsonNode> statements(Path policy) {
		return json(policy).get("Statement").valueStream().toList();
	}

	private static List<String> actions(List<JsonNode> statements) {
		return flatten(statements, "Action");
	}

	private static List<String> resources(List<JsonNode> statements) {
		return flatten(statements, "Resource");
	}

	private static List<String> flatten(List<JsonNode> statements, String key) {
		List<String> values = new ArrayList<>();
		for (JsonNode statement : statements) {
			JsonNode value = statement.get(key);
			if (value.isArray()) {
				values.addAll(DeploymentFiles.strings(value));
			}
			else {
				values.add(value.asString());
			}
		}
		return values;
	}

}
