package com.example.weather.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.weather.api.ApiProperties;
import com.example.weather.api.health.DatabaseProbe;
import com.example.weather.api.warmup.WarmUpProperties;
import com.example.weather.metrics.CloudWatchMetricsProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.PropertySource;

import static com.example.weather.deploy.DeploymentFiles.API_SERVICE;
import static com.example.weather.deploy.DeploymentFiles.API_TARGET_GROUP;
import static com.example.weather.deploy.DeploymentFiles.API_TASK_DEF;
import static com.example.weather.deploy.DeploymentFiles.SECRET_NAME;
import static com.example.weather.deploy.DeploymentFiles.apiApplicationYml;
import static com.example.weather.deploy.DeploymentFiles.apiSettings;
import static com.example.weather.deploy.DeploymentFiles.beanProperties;
import static com.example.weather.deploy.DeploymentFiles.binder;
import static com.example.weather.deploy.DeploymentFiles.environment;
import static com.example.weather.deploy.DeploymentFiles.json;
import static com.example.weather.deploy.DeploymentFiles.onlyContainer;
import static com.example.weather.deploy.DeploymentFiles.propertyOf;
import static com.example.weather.deploy.DeploymentFiles.recordProperties;
import static com.example.weather.deploy.DeploymentFiles.secretNames;
import static com.example.weather.deploy.DeploymentFiles.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's task definition, service and target group (under {@code ecs-task-defs/}) against the API's code: the
 * container name and port agree everywhere, the container checks liveness and the load balancer readiness, every variable is
 * a setting the API reads, and no credential is in plain text.
 */
class ApiTaskDefinitionTests {

	private static final String LIVENESS = "/actuator/health/liveness";

	private static final String READINESS = "/actuator/health/readiness";

	private final JsonNode taskDef = json(API_TASK_DEF);

	private final JsonNode service = json(API_SERVICE);

	private final JsonNode targetGroup = json(API_TARGET_GROUP);

	private final JsonNode container = onlyContainer(this.taskDef);

	private final Map<String, String> environment = environment(this.container);

	@Test
	void givenTheServiceAndTaskDefinition_whenTheLoadBalancerRoutes_thenContainerNameAndPortAgreeWithTheApi() {
		// Tomcat's own default when neither sets one
		int port = apiSettings(this.environment).bind("server.port", Integer.class).orElse(8080);
		JsonNode loadBalancer = this.service.get("loadBalancers").get(0);

		assertThat(this.container.get("portMappings").get(0).get("containerPort").asInt()).isEqualTo(port);
		assertThat(loadBalancer.get("containerName").asString()).isEqualTo(this.container.get("name").asString());
		assertThat(loadBalancer.get("containerPort").asInt()).isEqualTo(port);
		assertThat(this.targetGroup.get("Port").asInt()).isEqualTo(port);
		assertThat(this.service.get("taskDefinition").asString()).isEqualTo(this.taskDef.get("family").asString());
		assertThat(this.service.get("launchType").asString()).isEqualTo("FARGATE");
	}

	@Test
	void givenBothHealthChecks_whenTheyProbeATask_thenTheContainerAsksLivenessAndTheLoadBalancerReadiness()
			throws Exception {
		int port = this.container.get("portMappings").get(0).get("containerPort").asInt();
		String command = String.join(" ", strings(this.container.get("healthCheck").get("command")));

		assertThat(probesExposed()).as("health probes enabled and exposed in application.yml").isTrue();
		assertThat(command).startsWith("CMD-SHELL").contains("http://localhost:" + port + LIVENESS);
		assertThat(this.targetGroup.get("HealthCheckPath").asString()).isEqualTo(READINESS);
		assertThat(this.targetGroup.get("HealthCheckTimeoutSeconds").asInt())
			.as("the readiness probe answers within its own database timeout")
			.isGreaterThan((int) DatabaseProbe.TIMEOUT.toSeconds());
		assertThat(this.targetGroup.get("TargetType").asString()).as("awsvpc tasks register by IP").isEqualTo("ip");
		assertThat(this.service.get("healthCheckGracePeriodSeconds").asInt())
			.isGreaterThanOrEqualTo(this.container.get("healthCheck").get("startPeriod").asInt());
	}

	@Test
	void givenTheWarmUpBeforeReadiness_whenANewTaskStarts_thenTheGracePeriodCoversItsStartWarmUpAndFirstHealthyChecks() {
		WarmUpProperties warmUp = binder(this.environment).bindOrCreate("weather.api.warm-up", WarmUpProperties.class);
		// the start the container check allows, the longest warm-up (readiness 503 all along), then the checks the
		// load balancer needs to call the target healthy: before that, ECS must not count its 503s
		Duration start = Duration.ofSeconds(this.container.get("healthCheck").get("startPeriod").asInt());
		Duration healthy = Duration.ofSeconds((long) this.targetGroup.get("HealthyThresholdCount").asInt()
				* this.targetGroup.get("HealthCheckIntervalSeconds").asInt());

		assertThat(warmUp.enabled()).isTrue();
		assertThat(Duration.ofSeconds(this.service.get("healthCheckGracePeriodSeconds").asInt()))
			.isGreaterThanOrEqualTo(start.plus(warmUp.maxDuration()).plus(healthy));
	}

	@Test
	void givenTheApiTaskDefinition_whenItsVariablesAreMapped_thenEachSetsAPropertyTheApiReads() throws Exception {
		Set<String> known = new LinkedHashSet<>();
		known.addAll(recordProperties(ApiProperties.class));
		known.addAll(recordProperties(WarmUpProperties.class));
		known.addAll(recordProperties(CloudWatchMetricsProperties.class));
		known.addAll(beanProperties(DataSourceProperties.class));
		known.addAll(beanProperties(ServerProperties.class));
		known.add(AbstractEnvironment.ACTIVE_PROFILES_PROPERTY_NAME);
		List<String> variables = new ArrayList<>(this.environment.keySet());
		variables.addAll(secretNames(this.container));

		List<String> unread = variables.stream().filter((variable) -> propertyOf(variable, "x", known) == null).toList();

		assertThat(known).contains("weather.api.cache.load-time", "server.port", "spring.datasource.password");
		assertThat(unread).as("variables that set nothing the API reads").isEmpty();
	}

	@Test
	void givenTheApiTaskDefinition_whenItsSettingsAreBound_thenTheApiAcceptsTheirValues() {
		Binder binder = binder(this.environment);
		ApiProperties api = binder.bindOrCreate("weather.api", ApiProperties.class);
		CloudWatchMetricsProperties metrics = binder.bindOrCreate("metrics.cloudwatch", CloudWatchMetricsProperties.class);

		assertThat(api.jobName()).isEqualTo(this.environment.get("WEATHER_API_JOB_NAME"));
		assertThat(api.cache().loadTime()).hasToString(this.environment.get("WEATHER_API_CACHE_LOAD_TIME"));
		assertThat(metrics.enabled()).isTrue();
		assertThat(binder.bind("spring.profiles.active", String.class).get()).isEqualTo("cloud");
		assertThat(Duration.ofSeconds(this.container.get("stopTimeout").asInt())).isPositive();
	}

	@Test
	void givenTheApiTaskDefinition_whenItsVariablesAreRead_thenNoCredentialIsInPlainTextAndTheUserIsTheReadOnlyOne() {
		assertThat(this.environment.keySet()).noneMatch((name) -> SECRET_NAME.matcher(name).find());
		List<String> secrets = new ArrayList<>();
		for (JsonNode secret : this.container.path("secrets")) {
			secrets.add(secret.get("name").asString());
			assertThat(secret.get("valueFrom").asString()).startsWith("arn:aws:secretsmanager:")
				.contains("${API_DB_SECRET_ID}");
		}
		assertThat(secrets).contains("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
		assertThat(this.taskDef.get("networkMode").asString()).isEqualTo("awsvpc");
		assertThat(this.container.get("logConfiguration").get("logDriver").asString()).isEqualTo("awslogs");
	}

	/** Actuator's probe paths, answered when probes are enabled and the health endpoint is exposed. */
	private static boolean probesExposed() {
		PropertySource<?> yaml = apiApplicationYml();
		return "true".equals(String.valueOf(yaml.getProperty("management.endpoint.health.probes.enabled")))
				&& String.valueOf(yaml.getProperty("management.endpoints.web.exposure.include")).contains("health")
				&& String.valueOf(yaml.getProperty("management.endpoint.health.group.readiness.include"))
					.contains("database");
	}

}
