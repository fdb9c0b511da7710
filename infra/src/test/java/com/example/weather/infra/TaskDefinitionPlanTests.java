package com.example.weather.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.weather.deploy.DeploymentFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.bind.Binder;

import static com.example.weather.deploy.DeploymentFiles.apiSettings;
import static com.example.weather.deploy.DeploymentFiles.environment;
import static com.example.weather.deploy.DeploymentFiles.file;
import static com.example.weather.deploy.DeploymentFiles.json;
import static com.example.weather.deploy.DeploymentFiles.onlyContainer;
import static com.example.weather.infra.TerraformPlan.after;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan registers the task definitions of {@code ecs-task-defs/} as the files say, with every secret, image
 * repository and log group they need; the schedules run the job's (with the night's run.date) and the workers'; the API is checked on the path the files name,
 * and scales on CPU and requests.
 */
class TaskDefinitionPlanTests {

	/** {@code ...:secret:(aws_secretsmanager_secret.NAME):KEY::}, as the plan shows a secret ARN it learns on apply. */
	private static final Pattern SECRET_VALUE_FROM = Pattern
		.compile("^arn:aws:secretsmanager:([a-z0-9-]+):(\\d{12}):secret:\\((aws_secretsmanager_secret\\.[a-z_]+)\\):([a-z]+)::$");

	static final String JOB_SCHEDULE = "aws_scheduler_schedule.nightly[\"job\"]";

	static final String WORKERS_SCHEDULE = "aws_scheduler_schedule.nightly[\"workers\"]";

	private static final String READINESS = "/actuator/health/readiness";

	private static final String ROLES_SQL = "db-changelog/src/main/resources/db/roles/weather-roles.sql";

	/** A psql variable in SQL: {@code :name}, {@code :'name'} or {@code :"name"}, not a {@code ::cast}. */
	private static final Pattern PSQL_VARIABLE = Pattern.compile("(?<![:\\w]):(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");

	private final TerraformPlan plan = TerraformPlan.get();

	/** The task definitions as Terraform renders them from the files, keyed job, worker, api. */
	private final JsonNode asPlanned = this.plan.output("task_definitions_as_planned");

	@Test
	void givenEveryTaskDefinitionFile_whenPlanned_thenTerraformRegistersItAsTheFileSays() {
		List<Path> files = DeploymentFiles.files("ecs-task-defs", "-task-def.json");
		List<String> plannedFamilies = this.plan.changes("aws_ecs_task_definition").stream()
			.map((change) -> after(change).get("family").asString())
			.toList();

		assertThat(files).hasSizeGreaterThanOrEqualTo(3);
		for (Path file : files) {
			JsonNode source = json(file);
			String family = source.get("family").asString();
			assertThat(plannedFamilies).as(file + " is registered").contains(family);
			JsonNode planned = taskDefinition(family);
			assertThat(planned.get("containerDefinitions").valueStream().map((c) -> c.get("name").asString()))
				.containsExactlyElementsOf(source.get("containerDefinitions").valueStream().map((c) -> c.get("name").asString()).toList());
			JsonNode resource = after(this.plan.changes("aws_ecs_task_definition").stream()
				.filter((change) -> after(change).get("family").asString().equals(family)).findFirst().orElseThrow());
			assertThat(resource.get("cpu").asString()).isEqualTo(source.get("cpu").asString());
			assertThat(resource.get("memory").asString()).isEqualTo(source.get("memory").asString());
			assertThat(resource.get("network_mode").asString()).isEqualTo("awsvpc");
			assertThat(resource.get("task_role_arn").asString()).isEqualTo(planned.get("taskRoleArn").asString());
			assertThat(this.plan.has("aws_iam_role.roles[\"" + roleName(resource.get("task_role_arn").asString()) + "\"]"))
				.as(family + "'s task role").isTrue();
			assertThat(this.plan.has("aws_iam_role.roles[\"" + roleName(resource.get("execution_role_arn").asString()) + "\"]"))
				.as(family + "'s execution role").isTrue();
		}
	}

	@Test
	void givenEveryContainer_whenItReadsASecret_thenThePlanCreatesThatSecretWithAValue() {
		String region = this.plan.variable("region");
		String account = this.plan.variable("account_id");
		List<String> read = new ArrayList<>();
		for (JsonNode container : containers()) {
			for (JsonNode secret : container.path("secrets")) {
				String valueFrom = secret.get("valueFrom").asString();
				Matcher matcher = SECRET_VALUE_FROM.matcher(valueFrom);
				assertThat(matcher.matches()).as(valueFrom + " is a secret this stack creates").isTrue();
				assertThat(matcher.group(1)).isEqualTo(region);
				assertThat(matcher.group(2)).isEqualTo(account);
				String secretAddress = matcher.group(3);
				assertThat(this.plan.change(secretAddress).get("change").get("actions").get(0).asString()).isEqualTo("create");
				String versionAddress = secretAddress.replace("aws_secretsmanager_secret.", "aws_secretsmanager_secret_version.");
				assertThat(this.plan.referencedResources(versionAddress, "secret_id")).as(versionAddress)
					.containsExactly(secretAddress);
				assertThat(matcher.group(4)).isIn("username", "password");
				read.add(container.get("name").asString() + " " + secret.get("name").asString());
			}
		}
		assertThat(read).contains("weather-ingest SPRING_DATASOURCE_PASSWORD", "weather-api SPRING_DATASOURCE_PASSWORD");
	}

	@Test
	void givenEveryContainer_whenItStarts_thenItsImageRepositoryAndLogGroupAreInThePlan() {
		List<String> repositories = this.plan.changes("aws_ecr_repository").stream()
			.map((change) -> after(change).get("name").asString())
			.toList();
		for (JsonNode container : containers()) {
			String image = container.get("image").asString();
			String repository = image.substring(image.indexOf('/') + 1, image.lastIndexOf(':'));
			assertThat(image).startsWith(this.plan.variable("account_id") + ".dkr.ecr." + this.plan.variable("region") + ".")
				.endsWith(":" + this.plan.variable("image_tag"));
			assertThat(repositories).contains(repository);
			assertThat(this.plan.has("aws_ecr_lifecycle_policy.images[\"" + repository + "\"]")).isTrue();

			String logGroup = container.get("logConfiguration").get("options").get("awslogs-group").asString();
			JsonNode group = after(this.plan.change("aws_cloudwatch_log_group.tasks[\"" + logGroup + "\"]"));
			assertThat(group.get("retention_in_days").asInt()).as(logGroup + " retention").isPositive();
		}
	}

	@Test
	void givenTheNightlySchedule_whenItFires_thenItRunsTheJobsTaskDefinitionWithTheScheduledTimeAsRunDate() {
		JsonNode schedule = after(this.plan.change(JOB_SCHEDULE));
		JsonNode target = schedule.get("target").get(0);
		JsonNode ecs = target.get("ecs_parameters").get(0);
		// the job's container is the one the rerun overrides name
		String jobContainer = json(file("ecs-task-defs/rerun-overrides.json")).get("containerOverrides").get(0)
			.get("name").asString();
		JsonNode jobTaskDefinition = taskDefinitionOf(jobContainer);

		assertThat(ecs.get("task_definition_arn").asString()).isEqualTo(familyArn(jobTaskDefinition));
		assertThat(target.get("arn").asString())
			.endsWith(":cluster/" + after(this.plan.change("aws_ecs_cluster.main")).get("name").asString());
		assertThat(ecs.get("launch_type").asString()).isEqualTo("FARGATE");
		assertThat(ecs.get("network_configuration").get(0).get("assign_public_ip").asBoolean()).isFalse();
		assertThat(target.get("dead_letter_config").get(0).get("arn").asString())
			.endsWith(":" + after(this.plan.change("aws_sqs_queue.schedule_dlq")).get("name").asString());
		assertThat(schedule.get("schedule_expression").asString()).isEqualTo("cron(0 2 * * ? *)");
		assertThat(schedule.get("schedule_expression_timezone").asString()).isEqualTo("UTC");
		assertSchedulerMayRun(target, jobTaskDefinition);

		// run.date: the time the schedule fired, the same for each retry of one invocation (past midnight too);
		// Scheduler fills in the context attribute, the job takes its UTC date
		JsonNode overrides = json(target.get("input").asString()).get("containerOverrides");
		assertThat(overrides).hasSize(1);
		assertThat(overrides.get(0).get("name").asString()).isEqualTo(jobContainer);
		assertThat(overrides.get(0).get("command").valueStream().map(JsonNode::asString))
			.containsExactly("run.date=<aws.scheduler.scheduled-time>");
		// and nothing in the task definition pins another date
		JsonNode container = onlyContainer(jobTaskDefinition);
		assertThat(container.path("command").valueStream().map(JsonNode::asString)).noneMatch((arg) -> arg.contains("run.date"));
		assertThat(container.path("environment").valueStream().map((v) -> v.get("name").asString())).doesNotContain("RUN_DATE");
	}

	@Test
	void givenTheWorkersSchedule_whenTheJobsScheduleFires_thenItStartsTheFilesWorkerTasksOnFargateSpotAtTheSameTime() {
		JsonNode source = json(file("eventbridge/nightly-workers-schedule.json"));
		JsonNode schedule = after(this.plan.change(WORKERS_SCHEDULE));
		JsonNode job = after(this.plan.change(JOB_SCHEDULE));
		JsonNode target = schedule.get("target").get(0);
		JsonNode ecs = target.get("ecs_parameters").get(0);
		JsonNode workerTaskDefinition = this.asPlanned.get("worker");

		assertThat(ecs.get("task_definition_arn").asString()).isEqualTo(familyArn(workerTaskDefinition));
		assertThat(ecs.get("task_count").asInt()).isEqualTo(source.get("Target").get("EcsParameters").get("TaskCount").asInt())
			.isGreaterThan(1);
		assertThat(schedule.get("schedule_expression").asString()).isEqualTo(job.get("schedule_expression").asString());
		assertThat(schedule.get("schedule_expression_timezone").asString())
			.isEqualTo(job.get("schedule_expression_timezone").asString());
		assertThat(schedule.get("state").asString()).isEqualTo(job.get("state").asString());
		assertThat(target.get("arn").asString()).isEqualTo(job.get("target").get(0).get("arn").asString());
		assertThat(target.path("input").isNull()).as("workers take no run.date: the job's requests tell them").isTrue();

		// Fargate Spot, a capacity provider of the cluster; no launch type (the two exclude each other)
		assertThat(ecs.get("launch_type").isNull()).isTrue();
		assertThat(ecs.get("capacity_provider_strategy").valueStream().map((s) -> s.get("capacity_provider").asString()))
			.containsExactly("FARGATE_SPOT");
		assertThat(after(this.plan.change("aws_ecs_cluster_capacity_providers.main")).get("capacity_providers")
			.valueStream().map(JsonNode::asString)).contains("FARGATE_SPOT");

		// the job's network and security group (the broker and the database admit that group only)
		assertThat(ecs.get("network_configuration")).isEqualTo(job.get("target").get(0).get("ecs_parameters").get(0)
			.get("network_configuration"));
		assertThat(target.get("dead_letter_config")).isEqualTo(job.get("target").get(0).get("dead_letter_config"));
		assertSchedulerMayRun(target, workerTaskDefinition);
		assertThat(this.plan.changes("aws_ecs_service").stream().map((change) -> after(change).get("name").asString()))
			.as("no worker service: the schedule starts them, each exits when idle").containsExactly("weather-api");
	}

	@Test
	void givenTheRolesSql_whenTheOneOffTaskRunsIt_thenItRunsAsTheMasterUserAndSetsEveryVariableTheSqlUses() {
		Set<String> used = new LinkedHashSet<>();
		Matcher matcher = PSQL_VARIABLE.matcher(DeploymentFiles.text(file(ROLES_SQL)).replaceAll("--[^\\n]*", ""));
		while (matcher.find()) {
			used.add(matcher.group(2));
		}
		List<String> given = this.plan.output("db_roles_psql_variables").valueStream().map(JsonNode::asString).toList();

		assertThat(after(this.plan.change("aws_ecs_task_definition.db_roles")).get("family").asString())
			.isEqualTo("weather-db-roles");
		assertThat(this.plan.referencedResources("aws_ecs_task_definition.db_roles", "container_definitions"))
			.contains("aws_db_instance.main", "aws_secretsmanager_secret.ingest_db", "aws_secretsmanager_secret.api_db");
		assertThat(given).as("psql variables the task sets").containsAll(used);
	}

	@Test
	void givenTheApiTargetGroup_whenTheLoadBalancerChecksATask_thenItUsesWhatApiTargetGroupJsonSays() {
		JsonNode source = json(file("ecs-task-defs/api-target-group.json"));
		JsonNode targetGroup = after(this.plan.change("aws_lb_target_group.api"));
		JsonNode listener = after(this.plan.change("aws_lb_listener.https"));

		assertThat(targetGroup.get("health_check").get(0).get("path").asString())
			.isEqualTo(source.get("HealthCheckPath").asString());
		assertThat(targetGroup.get("port").asInt()).isEqualTo(source.get("Port").asInt())
			.isEqualTo(onlyContainer(taskDefinitionOf("weather-api")).get("portMappings").get(0).get("containerPort").asInt());
		assertThat(targetGroup.get("target_type").asString()).isEqualTo("ip");
		assertThat(listener.get("protocol").asString()).isEqualTo("HTTPS");
		assertThat(listener.get("port").asInt()).isEqualTo(443);
		assertThat(listener.get("certificate_arn").asString()).isEqualTo(this.plan.variable("certificate_arn"));
		assertThat(this.plan.changes("aws_lb_listener")).as("no plain HTTP listener").hasSize(1);
	}

	@Test
	void givenTheLoadBalancerReusesItsConnectionsToATask_whenOneIsIdle_thenTheLoadBalancerClosesItBeforeTheTaskDoes() {
		long idleTimeout = after(this.plan.change("aws_lb.api")).get("idle_timeout").asLong();
		Binder api = apiSettings(environment(onlyContainer(taskDefinitionOf("weather-api"))));

		assertThat(api.bind("server.tomcat.keep-alive-timeout", Duration.class).get())
			.as("how long the task keeps an idle connection open").isGreaterThan(Duration.ofSeconds(idleTimeout));
		assertThat(api.bind("server.tomcat.max-keep-alive-requests", Integer.class).get())
			.as("requests a connection serves before the task closes it (-1: no limit)").isEqualTo(-1);
	}

	@Test
	void givenTheApiHasActuatorProbes_whenTheLoadBalancerChecksATask_thenItAsksForReadiness() {
		assertThat(after(this.plan.change("aws_lb_target_group.api")).get("health_check").get(0).get("path").asString())
			.isEqualTo(READINESS);
	}

	@Test
	void givenTheApiService_whenLoadGrows_thenItScalesOnCpuAndOnRequestsPerTask() {
		JsonNode target = after(this.plan.change("aws_appautoscaling_target.api"));
		List<String> policies = new ArrayList<>();
		for (JsonNode change : this.plan.changes("aws_appautoscaling_policy")) {
			if (this.plan.referencedResources(change.get("address").asString(), "resource_id")
				.contains("aws_appautoscaling_target.api")) {
				JsonNode tracking = after(change).get("target_tracking_scaling_policy_configuration").get(0);
				policies.add(tracking.get("predefined_metric_specification").get(0).get("predefined_metric_type").asString());
			}
		}

		assertThat(target.get("min_capacity").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(target.get("max_capacity").asInt()).isGreaterThan(target.get("min_capacity").asInt());
		assertThat(this.plan.referencedResources("aws_appautoscaling_target.api", "resource_id"))
			.contains("aws_ecs_service.api");
		assertThat(policies).containsExactlyInAnyOrder("ECSServiceAverageCPUUtilization", "ALBRequestCountPerTarget");
	}

	/** The scheduler's role may run the target's task definition on its cluster and hand the task its roles. */
	private void assertSchedulerMayRun(JsonNode target, JsonNode taskDefinition) {
		String role = roleName(target.get("role_arn").asString());
		JsonNode policy = json(after(this.plan.change("aws_iam_role_policy.roles[\"" + role + "\"]")).get("policy").asString());
		List<JsonNode> statements = policy.get("Statement").valueStream().toList();
		String familyArn = familyArn(taskDefinition);

		assertThat(statements).as(role + " may run " + familyArn + " on " + target.get("arn").asString())
			.anySatisfy((statement) -> {
				assertThat(statement.get("Effect").asString()).isEqualTo("Allow");
				assertThat(statement.get("Action").asString()).isEqualTo("ecs:RunTask");
				assertThat(statement.get("Resource").valueStream().map(JsonNode::asString)).contains(familyArn, familyArn + ":*");
				assertThat(statement.get("Condition").get("ArnEquals").get("ecs:cluster").asString())
					.isEqualTo(target.get("arn").asString());
			});
		assertThat(statements).as(role + " may pass " + familyArn + "'s roles").anySatisfy((statement) -> {
			assertThat(statement.get("Action").asString()).isEqualTo("iam:PassRole");
			assertThat(statement.get("Resource").valueStream().map(JsonNode::asString))
				.contains(taskDefinition.get("taskRoleArn").asString(), taskDefinition.get("executionRoleArn").asString());
		});
	}

	private String familyArn(JsonNode taskDefinition) {
		return "arn:aws:ecs:" + this.plan.variable("region") + ":" + this.plan.variable("account_id") + ":task-definition/"
				+ taskDefinition.get("family").asString();
	}

	private List<JsonNode> containers() {
		List<JsonNode> containers = new ArrayList<>();
		this.asPlanned.forEach((taskDefinition) -> taskDefinition.get("containerDefinitions").forEach(containers::add));
		return containers;
	}

	private JsonNode taskDefinition(String family) {
		return this.asPlanned.valueStream()
			.filter((td) -> td.get("family").asString().equals(family))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No planned task definition of family " + family));
	}

	private JsonNode taskDefinitionOf(String containerName) {
		return this.asPlanned.valueStream()
			.filter((td) -> td.get("containerDefinitions").valueStream().anyMatch((c) -> c.get("name").asString().equals(containerName)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No planned task definition with a container " + containerName));
	}

	private static String roleName(String roleArn) {
		return roleArn.substring(roleArn.lastIndexOf('/') + 1);
	}

}
