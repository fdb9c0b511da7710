package com.example.weather.deploy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.weather.batch.IngestProperties;
import com.example.weather.batch.WeatherIngestApplication;
import com.example.weather.batch.launch.IngestArguments;
import com.example.weather.batch.partitioning.PartitioningProperties;
import com.example.weather.metrics.CloudWatchMetricsProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static com.example.weather.deploy.DeploymentFiles.BATCH_TASK_DEF;
import static com.example.weather.deploy.DeploymentFiles.JOB_APPLICATION_YML;
import static com.example.weather.deploy.DeploymentFiles.RERUN_OVERRIDES;
import static com.example.weather.deploy.DeploymentFiles.SECRET_NAME;
import static com.example.weather.deploy.DeploymentFiles.binder;
import static com.example.weather.deploy.DeploymentFiles.environment;
import static com.example.weather.deploy.DeploymentFiles.json;
import static com.example.weather.deploy.DeploymentFiles.onlyContainer;
import static com.example.weather.deploy.DeploymentFiles.secretNames;
import static com.example.weather.deploy.DeploymentFiles.strings;
import static com.example.weather.deploy.DeploymentFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The batch task definition against the job's code: every variable is a setting the job reads and binds, the
 * command is one the job accepts, ECS waits long enough for a clean stop, and no secret is in plain text.
 */
class BatchTaskDefinitionTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);

	private final JsonNode taskDef = json(BATCH_TASK_DEF);

	private final JsonNode container = onlyContainer(this.taskDef);

	@Test
	void givenEveryDeploymentJsonFile_whenRead_thenItParsesAndUsesOnlyDeclaredPlaceholders() {
		List<Path> files = DeploymentFiles.jsonFiles();
		Map<String, String> declared = DeploymentFiles.declaredPlaceholders();

		assertThat(files).contains(BATCH_TASK_DEF, DeploymentFiles.SCHEDULE, DeploymentFiles.FAILED_TASK_RULE);
		for (Path file : files) {
			assertThat(json(file).isObject()).as(file + " is a JSON object").isTrue();
			assertThat(declared.keySet()).as("placeholders of " + file + " declared in placeholders.env.example")
				.containsAll(DeploymentFiles.placeholders(text(file)));
		}
	}

	@Test
	void givenTheBatchTaskDefinition_whenItsVariablesAreMapped_thenEachSetsAPropertyTheJobReads() {
		Set<String> known = jobProperties();
		// variables the job's application.yml reads by name, such as AWS_REGION for the S3 client
		Set<String> readByName = DeploymentFiles.placeholders(text(JOB_APPLICATION_YML));

		List<String> unread = new ArrayList<>();
		for (String variable : allVariableNames()) {
			if (!readByName.contains(variable) && DeploymentFiles.propertyOf(variable, "x", known) == null) {
				unread.add(variable);
			}
		}

		assertThat(known).contains("ingest.chunk-size", "ingest.run-on-startup", "spring.datasource.password");
		assertThat(unread).as("variables that set nothing the job reads").isEmpty();
	}

	@Test
	void givenTheBatchTaskDefinition_whenItsSettingsAreBound_thenTheJobAcceptsTheirValues() {
		Map<String, String> environment = environment(this.container);
		Binder binder = binder(environment);
		// the same values under their property names, as application.yml would give them
		Map<String, String> byPropertyName = new LinkedHashMap<>();
		Set<String> known = new LinkedHashSet<>(DeploymentFiles.recordProperties(IngestProperties.class));
		known.addAll(DeploymentFiles.recordProperties(CloudWatchMetricsProperties.class));
		environment.forEach((variable, value) -> {
			String property = DeploymentFiles.propertyOf(variable, value, known);
			if (property != null) {
				byPropertyName.put(property, value);
			}
		});
		Binder asProperties = new Binder(new MapConfigurationPropertySource(byPropertyName));

		IngestProperties ingest = binder.bindOrCreate("ingest", IngestProperties.class);
		CloudWatchMetricsProperties metrics = binder.bindOrCreate("metrics.cloudwatch",
				CloudWatchMetricsProperties.class);

		assertThat(byPropertyName).containsKeys("ingest.input", "metrics.cloudwatch.enabled");
		assertThat(ingest).isEqualTo(asProperties.bindOrCreate("ingest", IngestProperties.class));
		assertThat(metrics).isEqualTo(asProperties.bindOrCreate("metrics.cloudwatch", CloudWatchMetricsProperties.class));
		assertThat(ingest.input()).startsWith("s3://").endsWith("/");
		assertThat(ingest.chunkSize()).isEqualTo(Integer.parseInt(environment(this.container).get("INGEST_CHUNK_SIZE")));
		assertThat(metrics.enabled()).as("metrics published from ECS").isTrue();
		assertThat(binder.bind("spring.profiles.active", String.class).get()).isEqualTo("cloud");
	}

	@Test
	void givenTheBatchTaskDefinition_whenECSStopsTheTask_thenItWaitsLongerThanTheJobTakesToStop() {
		Duration jobStops = binder(environment(this.container)).bindOrCreate("ingest", IngestProperties.class)
			.stopTimeout();

		assertThat(this.container.has("stopTimeout")).as("stopTimeout set (ECS default 30 s)").isTrue();
		assertThat(Duration.ofSeconds(this.container.get("stopTimeout").asInt())).isGreaterThan(jobStops);
	}

	@Test
	void givenTheBatchTaskDefinition_whenRunOnFargate_thenItUsesAwsvpcAwslogsAndTheRoles() {
		assertThat(strings(this.taskDef.get("requiresCompatibilities"))).containsExactly("FARGATE");
		assertThat(this.taskDef.get("networkMode").asString()).isEqualTo("awsvpc");
		assertThat(this.taskDef.get("executionRoleArn").asString()).startsWith("arn:aws:iam::");
		assertThat(this.taskDef.get("taskRoleArn").asString()).startsWith("arn:aws:iam::");
		JsonNode logs = this.container.get("logConfiguration");
		assertThat(logs.get("logDriver").asString()).isEqualTo("awslogs");
		assertThat(logs.get("options").has("awslogs-group")).isTrue();
		assertThat(this.container.get("essential").asBoolean()).isTrue();
	}

	@Test
	void givenTheCommandsThatStartTheBatchTask_whenTheJobParsesThem_thenItAcceptsThemAndTakesTheRunDate() {
		List<String> imageDefault = strings(this.container.path("command"));
		assertThatNoException().as("the task definition's own command")
			.isThrownBy(() -> IngestArguments.parse(imageDefault, null, CLOCK));

		JsonNode override = json(text(RERUN_OVERRIDES).replace("${RUN_DATE}", "2026-11-20")).get("containerOverrides")
			.get(0);
		assertThat(override.get("name").asString()).isEqualTo(this.container.get("name").asString());
		IngestArguments rerun = IngestArguments.parse(strings(override.get("command")), null, CLOCK);
		assertThat(rerun.runDate()).isEqualTo(LocalDate.of(2026, 11, 20));
	}

	@Test
	void givenEveryTaskDefinition_whenItsVariablesAreRead_thenNoCredentialIsInPlainText() {
		for (Path file : DeploymentFiles.jsonFiles()) {
			for (JsonNode container : json(file).path("containerDefinitions")) {
				assertThat(environment(container).keySet()).as("plain-text variables of " + file)
					.noneMatch((name) -> SECRET_NAME.matcher(name).find());
				for (JsonNode secret : container.path("secrets")) {
					assertThat(secret.get("valueFrom").asString()).as(secret.get("name").asString())
						.startsWith("arn:aws:secretsmanager:");
				}
			}
		}
		assertThat(secretNames(this.container)).contains("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
	}

	private List<String> allVariableNames() {
		List<String> names = new ArrayList<>(environment(this.container).keySet());
		names.addAll(secretNames(this.container));
		return names;
	}

	/** The properties the job's jar reads, as manager or as worker. */
	static Set<String> jobProperties() {
		Set<String> known = new LinkedHashSet<>();
		known.addAll(DeploymentFiles.recordProperties(IngestProperties.class));
		known.addAll(DeploymentFiles.recordProperties(CloudWatchMetricsProperties.class));
		known.addAll(DeploymentFiles.conditionProperties(WeatherIngestApplication.class));
		known.addAll(DeploymentFiles.beanProperties(DataSourceProperties.class));
		known.addAll(DeploymentFiles.recordProperties(PartitioningProperties.class));
		known.add("ingest.worker.idle-timeout");
		known.addAll(DeploymentFiles.beanProperties(RabbitProperties.class));
		known.add("spring.rabbitmq.ssl.enabled");
		known.add(AbstractEnvironment.ACTIVE_PROFILES_PROPERTY_NAME);
		return known;
	}

}
