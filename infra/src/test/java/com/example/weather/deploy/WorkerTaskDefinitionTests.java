package com.example.weather.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.weather.batch.IngestProperties;
import com.example.weather.batch.partitioning.PartitioningProperties;
import com.example.weather.batch.partitioning.PartitioningProperties.Partitioning;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.bind.Binder;

import static com.example.weather.deploy.DeploymentFiles.BATCH_TASK_DEF;
import static com.example.weather.deploy.DeploymentFiles.EVENTBRIDGE;
import static com.example.weather.deploy.DeploymentFiles.SCHEDULE;
import static com.example.weather.deploy.DeploymentFiles.WORKER_SCHEDULE;
import static com.example.weather.deploy.DeploymentFiles.WORKER_TASK_DEF;
import static com.example.weather.deploy.DeploymentFiles.environment;
import static com.example.weather.deploy.DeploymentFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remote-partitioning workers' task definition, the schedule that starts them with the night's job, and the
 * dead-letter alarm, against the job's code and the manager's task definition: both sides on the same queue, broker,
 * database and image; every worker variable a setting the job reads; the broker contract as agreed.
 */
class WorkerTaskDefinitionTests {

	private final JsonNode worker = DeploymentFiles.onlyContainer(json(WORKER_TASK_DEF));

	private final JsonNode manager = DeploymentFiles.onlyContainer(json(BATCH_TASK_DEF));

	@Test
	void givenTheWorkerTaskDefinition_whenItsVariablesAreMapped_thenEachSetsAPropertyTheJobReads() {
		List<String> variables = new ArrayList<>(environment(this.worker).keySet());
		variables.addAll(DeploymentFiles.secretNames(this.worker));
		var known = BatchTaskDefinitionTests.jobProperties();

		assertThat(variables).filteredOn((variable) -> !variable.equals("AWS_REGION")
				&& DeploymentFiles.propertyOf(variable, "x", known) == null)
			.as("variables that set nothing the job reads")
			.isEmpty();
	}

	@Test
	void givenBothTaskDefinitions_whenBound_thenTheManagerSendsToTheQueueTheWorkersTakeFrom() {
		Binder workerSettings = DeploymentFiles.binder(environment(this.worker));
		Binder managerSettings = DeploymentFiles.binder(environment(this.manager));
		PartitioningProperties asWorker = workerSettings.bindOrCreate("ingest", PartitioningProperties.class);
		PartitioningProperties asManager = managerSettings.bindOrCreate("ingest", PartitioningProperties.class);

		assertThat(asWorker.worker()).isTrue();
		assertThat(asManager.worker()).isFalse();
		assertThat(asManager.partitioning()).isEqualTo(Partitioning.REMOTE);
		assertThat(asWorker.remote().queue()).isEqualTo(asManager.remote().queue());
		assertThat(workerSettings.bind("ingest.worker.idle-timeout", Duration.class).get())
			.as("long enough to outlast the manager's start").isGreaterThanOrEqualTo(Duration.ofMinutes(2));
		for (String shared : List.of("SPRING_DATASOURCE_URL", "SPRING_RABBITMQ_HOST", "SPRING_RABBITMQ_PORT",
				"SPRING_RABBITMQ_SSL_ENABLED", "SPRING_PROFILES_ACTIVE")) {
			assertThat(environment(this.worker).get(shared)).as(shared).isEqualTo(environment(this.manager).get(shared));
		}
		assertThat(this.worker.get("image")).as("the same image").isEqualTo(this.manager.get("image"));
	}

	@Test
	void givenTheWorkerTaskDefinition_whenItReachesTheBroker_thenItUsesTheAgreedSettingsAndSecrets() {
		Map<String, String> environment = environment(this.worker);
		assertThat(environment).containsEntry("SPRING_RABBITMQ_HOST", "${BROKER_HOST}")
			.containsEntry("SPRING_RABBITMQ_PORT", "5671")
			.containsEntry("SPRING_RABBITMQ_SSL_ENABLED", "true");
		String secret = "arn:aws:secretsmanager:${AWS_REGION}:${AWS_ACCOUNT_ID}:secret:${BROKER_SECRET_ID}:";
		for (JsonNode container : List.of(this.worker, this.manager)) {
			assertThat(container.get("secrets").valueStream()
				.filter((s) -> s.get("name").asString().startsWith("SPRING_RABBITMQ_"))
				.map((s) -> s.get("name").asString() + "=" + s.get("valueFrom").asString()))
				.containsExactlyInAnyOrder("SPRING_RABBITMQ_USERNAME=" + secret + "username::",
						"SPRING_RABBITMQ_PASSWORD=" + secret + "password::");
		}
	}

	@Test
	void givenTheWorkerTaskDefinition_whenECSStopsTheTask_thenItWaitsLongerThanAPartitionTakesToHalt() {
		Duration halts = DeploymentFiles.binder(environment(this.worker))
			.bindOrCreate("ingest", IngestProperties.class)
			.stopTimeout();

		assertThat(Duration.ofSeconds(this.worker.get("stopTimeout").asInt())).isGreaterThan(halts);
	}

	@Test
	void givenTheWorkersSchedule_whenTheNightStarts_thenItStartsWorkersWithTheJobOnItsNetwork() {
		JsonNode job = json(SCHEDULE);
		JsonNode workers = json(WORKER_SCHEDULE);

		assertThat(workers.get("ScheduleExpression")).isEqualTo(job.get("ScheduleExpression"));
		assertThat(workers.get("ScheduleExpressionTimezone")).isEqualTo(job.get("ScheduleExpressionTimezone"));
		JsonNode ecs = workers.get("Target").get("EcsParameters");
		assertThat(DeploymentFiles.family(ecs.get("TaskDefinitionArn").asString()))
			.isEqualTo(json(WORKER_TASK_DEF).get("family").asString());
		assertThat(ecs.get("TaskCount").asInt()).isBetween(1, 10);
		assertThat(ecs.get("NetworkConfiguration")).isEqualTo(job.get("Target").get("EcsParameters")
			.get("NetworkConfiguration"));
		assertThat(workers.get("Target").get("Arn")).isEqualTo(job.get("Target").get("Arn"));
	}

	@Test
	void givenTheDeadLetterAlarm_whenARequestIsDeadLettered_thenItWatchesTheQueueTheJobDeclares() {
		JsonNode alarm = json(EVENTBRIDGE.resolve("alarms").resolve("ingest-partition-dead-letters.json"));
		PartitioningProperties.Remote remote = DeploymentFiles.binder(environment(this.worker))
			.bindOrCreate("ingest", PartitioningProperties.class)
			.remote();

		assertThat(alarm.get("Namespace").asString()).isEqualTo("AWS/AmazonMQ");
		assertThat(alarm.get("Dimensions").valueStream()
			.filter((d) -> d.get("Name").asString().equals("Queue"))
			.map((d) -> d.get("Value").asString())).containsExactly(remote.deadLetterQueue());
		assertThat(alarm.get("Threshold").asInt()).isEqualTo(1);
		assertThat(DeploymentFiles.strings(alarm.get("AlarmActions"))).containsExactly("${ALERT_TOPIC_ARN}");
	}

}
