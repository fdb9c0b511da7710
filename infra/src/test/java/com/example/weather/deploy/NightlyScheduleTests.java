package com.example.weather.deploy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.example.weather.batch.IngestProperties;
import com.example.weather.batch.WeatherIngestJobConfiguration;
import com.example.weather.batch.launch.IngestArguments;
import com.example.weather.batch.launch.IngestExitCode;
import com.example.weather.batch.metrics.IngestMetrics;
import com.example.weather.metrics.CloudWatchMetricsProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.example.weather.deploy.DeploymentFiles.BATCH_TASK_DEF;
import static com.example.weather.deploy.DeploymentFiles.FAILED_TASK_RULE;
import static com.example.weather.deploy.DeploymentFiles.SCHEDULE;
import static com.example.weather.deploy.DeploymentFiles.environment;
import static com.example.weather.deploy.DeploymentFiles.json;
import static com.example.weather.deploy.DeploymentFiles.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly schedule, the failed-task rule and the alarms against the batch task definition and the job's
 * metrics: they name the task family, the container, the exit codes and the meters that really exist.
 */
class NightlyScheduleTests {

	/** CloudWatch's limit on period × evaluation periods: 1 day below 1-hour periods, 7 days from there on. */
	private static final long ONE_DAY = 86_400;

	private static final long SEVEN_DAYS = 7 * ONE_DAY;

	/** The context attribute EventBridge Scheduler replaces by the time it fired for, e.g. 2026-11-25T02:00:00Z. */
	private static final String SCHEDULED_TIME = "<aws.scheduler.scheduled-time>";

	private final JsonNode taskDef = json(BATCH_TASK_DEF);

	private final JsonNode container = DeploymentFiles.onlyContainer(this.taskDef);

	private final String family = this.taskDef.get("family").asString();

	@Test
	void givenTheNightlySchedule_whenItFires_thenItRunsTheBatchTaskFamilyOnFargateAt0200Utc() {
		JsonNode schedule = json(SCHEDULE);
		JsonNode ecs = schedule.get("Target").get("EcsParameters");

		assertThat(DeploymentFiles.family(ecs.get("TaskDefinitionArn").asString())).isEqualTo(this.family);
		assertThat(ecs.get("LaunchType").asString()).isEqualTo("FARGATE");
		assertThat(ecs.get("TaskCount").asInt()).isEqualTo(1);
		assertThat(ecs.get("NetworkConfiguration").get("awsvpcConfiguration").get("AssignPublicIp").asString())
			.isEqualTo("DISABLED");
		assertThat(schedule.get("ScheduleExpression").asString()).isEqualTo("cron(0 2 * * ? *)");
		assertThat(schedule.get("ScheduleExpressionTimezone").asString()).isEqualTo("UTC");
		assertThat(schedule.get("Target").get("Arn").asString()).startsWith("arn:aws:ecs:").contains(":cluster/");
	}

	@Test
	void givenTheNightlySchedule_whenTheTaskCannotStart_thenItRetriesAndDeadLettersTheRun() {
		JsonNode target = json(SCHEDULE).get("Target");

		assertThat(target.get("RetryPolicy").get("MaximumRetryAttempts").asInt()).isPositive();
		assertThat(target.get("RetryPolicy").get("MaximumEventAgeInSeconds").asInt()).isLessThanOrEqualTo(4 * 3600);
		assertThat(target.get("DeadLetterConfig").get("Arn").asString()).startsWith("arn:aws:sqs:");
	}

	@Test
	void givenTheNightlySchedule_whenItOrARetryFires_thenTheJobRunsTheNightOfTheScheduledTime() {
		JsonNode target = json(SCHEDULE).get("Target");
		// the RunTask overrides, as a JSON string (the API's Input): Scheduler fills in the context attribute
		JsonNode overrides = json(target.get("Input").asString()).get("containerOverrides");

		assertThat(overrides).hasSize(1);
		assertThat(overrides.get(0).get("name").asString()).isEqualTo(this.container.get("name").asString());
		List<String> command = strings(overrides.get(0).get("command"));
		assertThat(command).containsExactly("run.date=" + SCHEDULED_TIME);

		// a retry 50 minutes later, past midnight, still runs the night the schedule fired for
		Clock afterMidnight = Clock.fixed(Instant.parse("2026-11-26T00:50:00Z"), ZoneOffset.UTC);
		List<String> fired = command.stream()
			.map((argument) -> argument.replace(SCHEDULED_TIME, "2026-11-25T23:59:00Z"))
			.toList();
		IngestArguments scheduled = IngestArguments.parse(fired, null, afterMidnight);
		assertThat(scheduled.runDate()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(scheduled.toJobParameters())
			.as("an operator's rerun of run.date=2026-11-25 restarts the scheduled night")
			.isEqualTo(IngestArguments.parse(List.of("run.date=2026-11-25"), null, afterMidnight).toJobParameters());
	}

	@Test
	void givenTheFailedTaskRule_whenABatchTaskStopsWithANonZeroExitCode_thenItMatchesThatTaskAndExplainsTheCode() {
		JsonNode rule = json(FAILED_TASK_RULE);
		JsonNode detail = rule.get("EventPattern").get("detail");

		assertThat(strings(rule.get("EventPattern").get("source"))).containsExactly("aws.ecs");
		assertThat(strings(rule.get("EventPattern").get("detail-type"))).containsExactly("ECS Task State Change");
		assertThat(strings(detail.get("lastStatus"))).containsExactly("STOPPED");
		assertThat(detail.get("taskDefinitionArn").get(0).get("prefix").asString())
			.endsWith("task-definition/" + this.family + ":");
		assertThat(strings(detail.get("containers").get("name"))).containsExactly(this.container.get("name").asString());
		assertThat(detail.get("containers").get("exitCode").get(0).get("anything-but").asInt())
			.isEqualTo(IngestExitCode.COMPLETED.code());
		String message = rule.get("Targets").get(0).get("InputTransformer").get("InputTemplate").asString();
		for (IngestExitCode code : IngestExitCode.values()) {
			if (code != IngestExitCode.COMPLETED) {
				assertThat(message).as("the alert explains exit code " + code).contains(code.code() + " = ");
			}
		}
	}

	@Test
	void givenTheJobAlarms_whenEvaluated_thenTheyWatchMetricsTheJobPublishesUnderItsNamespace() {
		String namespace = DeploymentFiles.binder(environment(this.container))
			.bindOrCreate("metrics.cloudwatch", CloudWatchMetricsProperties.class)
			.namespace();
		Set<String> meters = constants("ROWS_", "DURATION", "RUNS", "FAILURES");
		Set<String> tags = constants("_TAG");

		List<JsonNode> jobAlarms = alarms().stream().filter((alarm) -> alarm.has("MetricName"))
			.filter((alarm) -> !alarm.get("Namespace").asString().startsWith("AWS/"))
			.toList();

		assertThat(jobAlarms).extracting((alarm) -> alarm.get("MetricName").asString())
			.contains(IngestMetrics.FAILURES, IngestMetrics.RUNS, IngestMetrics.ROWS_REJECTED);
		for (JsonNode alarm : jobAlarms) {
			assertThat(alarm.get("Namespace").asString()).isEqualTo(namespace);
			assertThat(meters).contains(alarm.get("MetricName").asString());
			for (JsonNode dimension : alarm.get("Dimensions")) {
				assertThat(tags).contains(dimension.get("Name").asString());
				if (dimension.get("Name").asString().equals(IngestMetrics.JOB_TAG)) {
					assertThat(dimension.get("Value").asString()).isEqualTo(WeatherIngestJobConfiguration.JOB_NAME);
				}
			}
		}
	}

	@Test
	void givenTheRejectAlarm_whenRejectsGrow_thenItWarnsBeforeTheJobFailsOnItsRejectLimit() {
		long rejectLimit = DeploymentFiles.binder(environment(this.container))
			.bindOrCreate("ingest", IngestProperties.class)
			.rejectLimit();
		JsonNode alarm = alarms().stream()
			.filter((a) -> IngestMetrics.ROWS_REJECTED.equals(a.path("MetricName").asString()))
			.findFirst()
			.orElseThrow();

		assertThat(alarm.get("Threshold").asDouble()).isPositive().isLessThan(rejectLimit);
	}

	@Test
	void givenTheNoCompletedRunAlarm_whenNoRunCompletes_thenItFiresAfter26HoursWithinCloudWatchLimits() {
		JsonNode alarm = alarms().stream()
			.filter((a) -> IngestMetrics.RUNS.equals(a.path("MetricName").asString()))
			.findFirst()
			.orElseThrow();

		assertThat(alarm.get("Period").asLong() * alarm.get("EvaluationPeriods").asLong()).isEqualTo(26 * 3600);
		assertThat(alarm.get("TreatMissingData").asString()).as("no data is no completed run").isEqualTo("breaching");
		assertThat(alarm.get("Dimensions").valueStream()
			.filter((d) -> d.get("Name").asString().equals(IngestMetrics.STATUS_TAG))
			.map((d) -> d.get("Value").asString())).containsExactly("COMPLETED");
	}

	@Test
	void givenEveryAlarm_whenCreated_thenItsEvaluationRangeIsOneCloudWatchAcceptsAndItNotifies() {
		List<JsonNode> alarms = alarms();

		assertThat(alarms).hasSizeGreaterThanOrEqualTo(5);
		for (JsonNode alarm : alarms) {
			String name = alarm.get("AlarmName").asString();
			long period = alarm.has("Period") ? alarm.get("Period").asLong()
					: alarm.get("Metrics").get(0).get("MetricStat").get("Period").asLong();
			long range = period * alarm.get("EvaluationPeriods").asLong();
			assertThat(range).as(name).isLessThanOrEqualTo((period < 3600) ? ONE_DAY : SEVEN_DAYS);
			assertThat(period % 60).as(name + " period is a whole number of minutes").isZero();
			assertThat(strings(alarm.get("AlarmActions"))).as(name).isNotEmpty();
		}
	}

	private static List<JsonNode> alarms() {
		return DeploymentFiles.files("eventbridge/alarms", ".json").stream().map(DeploymentFiles::json).toList();
	}

	/** The values of IngestMetrics' constants whose names contain one of the fragments. */
	private static Set<String> constants(String... fragments) {
		return DeploymentFiles.constants(IngestMetrics.class).entrySet().stream()
			.filter((constant) -> Stream.of(fragments).anyMatch(constant.getKey()::contains))
			.map(Map.Entry::getValue)
			.collect(Collectors.toSet());
	}

}
