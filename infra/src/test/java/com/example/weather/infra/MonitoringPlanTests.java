package com.example.weather.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.weather.batch.WeatherIngestJobConfiguration;
import com.example.weather.batch.metrics.IngestMetrics;
import com.example.weather.deploy.DeploymentFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.example.weather.deploy.DeploymentFiles.json;
import static com.example.weather.infra.TerraformPlan.after;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alarm of {@code eventbridge/alarms/} is in the plan, and the alarms and the dashboard watch metrics that
 * exist: the job's meters and tags as its code names them (in the namespace its task definition sets), the load
 * balancer and target group this stack creates, the database it creates.
 */
class MonitoringPlanTests {

	/** IngestMetrics' source, which says which of its meters are timers. */
	private static final String INGEST_METRICS = "batch-job/src/main/java/com/example/weather/batch/metrics/IngestMetrics.java";

	/** A timer is written as three metrics (EmbeddedMetricFormatRegistry), a counter as one. */
	private static final List<String> TIMER_STATISTICS = List.of(".count", ".sum", ".max");

	private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+)}$");

	private final TerraformPlan plan = TerraformPlan.get();

	private final Map<String, String> ingestMetrics = DeploymentFiles.constants(IngestMetrics.class);

	private final String jobName = WeatherIngestJobConfiguration.JOB_NAME;

	private final JsonNode placeholderSources = this.plan.output("placeholder_sources");

	@Test
	void givenEveryAlarmFile_whenPlanned_thenTerraformCreatesThatAlarm() {
		List<Path> files = DeploymentFiles.files("eventbridge/alarms", ".json");
		long planned = this.plan.changes("aws_cloudwatch_metric_alarm").stream()
			.filter((change) -> change.get("address").asString().startsWith("aws_cloudwatch_metric_alarm.files["))
			.count();

		assertThat(files).hasSizeGreaterThanOrEqualTo(5);
		assertThat(planned).isEqualTo(files.size());
		for (Path file : files) {
			JsonNode source = json(file);
			String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
			JsonNode alarm = after(this.plan.change("aws_cloudwatch_metric_alarm.files[\"" + stem + "\"]"));
			assertThat(alarm.get("alarm_name").asString()).isEqualTo(source.get("AlarmName").asString());
			assertThat(alarm.get("threshold").asDouble()).isEqualTo(source.get("Threshold").asDouble());
			assertThat(alarm.get("comparison_operator").asString()).isEqualTo(source.get("ComparisonOperator").asString());
			assertThat(alarm.get("evaluation_periods").asInt()).isEqualTo(source.get("EvaluationPeriods").asInt());
			assertThat(source.get("AlarmActions").valueStream().map(JsonNode::asString).map(this::sourceOf))
				.as(file + " notifies").containsExactly("aws_sns_topic.alerts");
		}
	}

	@Test
	void givenTheJobsAlarms_whenEvaluated_thenTheyWatchMetersTheJobEmitsWithItsTags() {
		Set<String> watched = new LinkedHashSet<>();
		for (JsonNode change : this.plan.changes("aws_cloudwatch_metric_alarm")) {
			for (JsonNode metric : metrics(after(change))) {
				if (!metric.get("namespace").asString().startsWith("AWS/")) {
					assertThat(metric.get("namespace").asString()).isEqualTo(jobNamespace());
					Map<String, String> dimensions = new HashMap<>();
					metric.get("dimensions").properties().forEach((d) -> dimensions.put(d.getKey(), d.getValue().asString()));
					assertJobMetric(change.get("address").asString(), metric.get("metric_name").asString(), dimensions);
					watched.add(metric.get("metric_name").asString());
				}
			}
		}

		assertThat(watched).contains(this.ingestMetrics.get("FAILURES"), this.ingestMetrics.get("RUNS"),
				this.ingestMetrics.get("ROWS_REJECTED"));
	}

	@Test
	void givenTheApiAlarms_whenEvaluated_thenTheyWatchThisStacksLoadBalancerAndTargetGroup() {
		int loadBalancerAlarms = 0;
		for (Path file : DeploymentFiles.files("eventbridge/alarms", ".json")) {
			JsonNode source = json(file);
			List<JsonNode> metrics = new ArrayList<>();
			if (source.has("MetricName")) {
				metrics.add(source);
			}
			source.path("Metrics").forEach((query) -> {
				if (query.has("MetricStat")) {
					metrics.add(query.get("MetricStat").get("Metric"));
				}
			});
			for (JsonNode metric : metrics) {
				if (metric.get("Namespace").asString().equals("AWS/ApplicationELB")) {
					Map<String, String> dimensions = new HashMap<>();
					metric.get("Dimensions").forEach((d) -> dimensions.put(d.get("Name").asString(), sourceOf(d.get("Value").asString())));
					assertThat(dimensions).as(file.toString()).containsOnly(
							Map.entry("LoadBalancer", "aws_lb.api"), Map.entry("TargetGroup", "aws_lb_target_group.api"));
					loadBalancerAlarms++;
				}
			}
		}
		assertThat(loadBalancerAlarms).isGreaterThanOrEqualTo(2);
	}

	@Test
	void givenEveryAlarmFileWithDimensions_whenPlanned_thenTheAlarmHasThemAllAndTheBrokerAlarmWatchesThisStacksBroker() {
		for (Path file : DeploymentFiles.files("eventbridge/alarms", ".json")) {
			JsonNode source = json(file);
			if (source.has("Dimensions")) {
				String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
				JsonNode change = this.plan.change("aws_cloudwatch_metric_alarm.files[\"" + stem + "\"]");
				JsonNode planned = after(change).path("dimensions");
				if (planned.isObject()) {
					assertThat(planned.propertyNames()).as(file + ": every dimension, none dropped")
						.containsExactlyInAnyOrderElementsOf(source.get("Dimensions").valueStream().map((d) -> d.get("Name").asString()).toList());
				}
				else {
					// a value the stack learns on apply (the load balancer's): the dimensions are there, not yet known
					assertThat(TerraformPlan.unknown(change).path("dimensions").asBoolean()).as(file + ": dimensions planned")
						.isTrue();
				}
			}
		}
		JsonNode broker = json(DeploymentFiles.file("eventbridge/alarms/ingest-partition-dead-letters.json")).get("Dimensions")
			.valueStream().filter((d) -> d.get("Name").asString().equals("Broker")).findFirst().orElseThrow();
		assertThat(sourceOf(broker.get("Value").asString())).isEqualTo("aws_mq_broker.main");
		assertThat(after(this.plan.change("aws_cloudwatch_metric_alarm.files[\"ingest-partition-dead-letters\"]"))
			.get("dimensions").get("Broker").asString())
			.isEqualTo(after(this.plan.change("aws_mq_broker.main")).get("broker_name").asString());
	}

	@Test
	void givenTheDashboard_whenOpened_thenItShowsTheNightTheApiAndTheDatabaseFromMetricsThatExist() {
		JsonNode body = json(after(this.plan.change("aws_cloudwatch_dashboard.main")).get("dashboard_body").asString());
		String dbInstance = after(this.plan.change("aws_db_instance.main")).get("identifier").asString();
		String targetGroup = after(this.plan.change("aws_lb_target_group.api")).get("name").asString();
		Set<String> jobMetrics = new LinkedHashSet<>();
		Set<String> awsMetrics = new LinkedHashSet<>();
		StringBuilder expressions = new StringBuilder();
		for (JsonNode widget : body.get("widgets")) {
			for (JsonNode line : widget.get("properties").get("metrics")) {
				if (line.get(0).isObject()) {
					expressions.append(line.get(0).get("expression").asString()).append('\n');
					continue;
				}
				String namespace = line.get(0).asString();
				String name = line.get(1).asString();
				Map<String, String> dimensions = new HashMap<>();
				for (int i = 2; i + 1 < line.size() && line.get(i).isString(); i += 2) {
					dimensions.put(line.get(i).asString(), line.get(i + 1).asString());
				}
				if (namespace.equals(jobNamespace())) {
					assertJobMetric("the dashboard", name, dimensions);
					jobMetrics.add(name);
				}
				else {
					assertThat(namespace).isEqualTo("AWS/RDS");
					assertThat(dimensions).containsExactly(Map.entry("DBInstanceIdentifier", dbInstance));
					awsMetrics.add(name);
				}
			}
		}

		assertThat(jobMetrics).contains(this.ingestMetrics.get("DURATION") + ".max", this.ingestMetrics.get("ROWS_READ"),
				this.ingestMetrics.get("ROWS_WRITTEN"), this.ingestMetrics.get("ROWS_REJECTED"),
				this.ingestMetrics.get("FAILURES"));
		assertThat(awsMetrics).containsExactlyInAnyOrder("CPUUtilization", "DatabaseConnections");
		assertThat(expressions.toString()).contains("RequestCount", "HTTPCode_Target_5XX_Count", "TargetResponseTime")
			.contains("\"" + targetGroup + "\"");
	}

	/** The metric is one the job writes: a meter of IngestMetrics (a timer's with its statistic) with its tags. */
	private void assertJobMetric(String where, String metricName, Map<String, String> dimensions) {
		Set<String> emitted = new LinkedHashSet<>();
		Set<String> tags = new LinkedHashSet<>();
		String source = DeploymentFiles.text(DeploymentFiles.file(INGEST_METRICS));
		this.ingestMetrics.forEach((constant, value) -> {
			if (constant.endsWith("_TAG")) {
				tags.add(value);
			}
			else if (source.contains("Timer.builder(" + constant + ")")) {
				TIMER_STATISTICS.forEach((statistic) -> emitted.add(value + statistic));
			}
			else {
				emitted.add(value);
			}
		});
		assertThat(emitted).as(where + ": a metric the job writes").contains(metricName);
		assertThat(tags).as(where + ": " + metricName + " is tagged so").containsAll(dimensions.keySet());
		assertThat(dimensions.get(this.ingestMetrics.get("JOB_TAG"))).as(where + ": every job metric names the job")
			.isEqualTo(this.jobName);
	}

	/** The alarm's metrics: its own, or those of its metric math. */
	private static List<JsonNode> metrics(JsonNode alarm) {
		List<JsonNode> metrics = new ArrayList<>();
		if (!alarm.path("metric_name").isNull() && !alarm.path("metric_name").isMissingNode()) {
			metrics.add(alarm);
		}
		alarm.path("metric_query").forEach((query) -> query.path("metric").forEach(metrics::add));
		return metrics;
	}

	/** The namespace the job's task definition gives its metrics. */
	private String jobNamespace() {
		JsonNode job = this.plan.output("task_definitions_as_planned").get("job");
		return job.get("containerDefinitions").get(0).get("environment").valueStream()
			.filter((variable) -> variable.get("name").asString().equals("METRICS_CLOUDWATCH_NAMESPACE"))
			.map((variable) -> variable.get("value").asString())
			.findFirst()
			.orElseThrow();
	}

	/** The resource a {@code ${PLACEHOLDER}} of a file takes its value from. */
	private String sourceOf(String value) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		assertThat(matcher.matches()).as(value + " is one placeholder").isTrue();
		return this.placeholderSources.path(matcher.group(1)).asString();
	}

}
