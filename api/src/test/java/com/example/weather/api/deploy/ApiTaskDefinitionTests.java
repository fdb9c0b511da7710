package com.example.weather.api.deploy;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.example.weather.api.ApiProperties;
import com.example.weather.api.health.DatabaseProbe;
import com.example.weather.metrics.CloudWatchMetricsProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's task definition, service and target group (under {@code ecs-task-defs/}) against the API's code: the
 * container name and port agree everywhere, the container checks liveness and the load balancer readiness, every variable is
 * a setting the API reads, and no credential is in plain text.
 * <p>
 * Goes to {@code api/src/test/java/com/example/weather/api/deploy/ApiTaskDefinitionTests.java}.
 */
class ApiTaskDefinitionTests {

	private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|KEY|TOKEN|CREDENTIAL");

	private static final Path TASK_DEFS = repositoryRoot().resolve("ecs-task-defs");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String LIVENESS = "/actuator/health/liveness";

	private static final String READINESS = "/actuator/health/readiness";

	private final JsonNode taskDef = json("api-task-def.json");

	private final JsonNode service = json("api-service.json");

	private final JsonNode targetGroup = json("api-target-group.json");

	private final JsonNode container = onlyContainer();

	@Test
	void givenTheServiceAndTaskDefinition_whenTheLoadBalancerRoutes_thenContainerNameAndPortAgreeWithTheApi()
			throws IOException {
		int port = binder().bind("server.port", Integer.class).orElse(defaultPort());
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
	void givenTheApiTaskDefinition_whenItsVariablesAreMapped_thenEachSetsAPropertyTheApiReads() throws Exception {
		Set<String> known = new LinkedHashSet<>();
		known.addAll(recordProperties(prefix(ApiProperties.class), ApiProperties.class));
		known.addAll(recordProperties(prefix(CloudWatchMetricsProperties.class), CloudWatchMetricsProperties.class));
		known.addAll(beanProperties(DataSourceProperties.class));
		known.addAll(beanProperties(ServerProperties.class));
		known.add(AbstractEnvironment.ACTIVE_PROFILES_PROPERTY_NAME);
		List<String> variables = new ArrayList<>(environment().keySet());
		this.container.path("secrets").forEach((secret) -> variables.add(secret.get("name").asString()));

		List<String> unread = variables.stream().filter((variable) -> propertyOf(variable, known) == null).toList();

		assertThat(known).contains("weather.api.cache.load-time", "server.port", "spring.datasource.password");
		assertThat(unread).as("variables that set nothing the API reads").isEmpty();
	}

	@Test
	void givenTheApiTaskDefinition_whenItsSettingsAreBound_thenTheApiAcceptsTheirValues() {
		ApiProperties api = binder().bindOrCreate("weather.api", ApiProperties.class);
		CloudWatchMetricsProperties metrics = binder().bindOrCreate("metrics.cloudwatch",
				CloudWatchMetricsProperties.class);

		assertThat(api.jobName()).isEqualTo(environment().get("WEATHER_API_JOB_NAME"));
		assertThat(api.cache().loadTime()).hasToString(environment().get("WEATHER_API_CACHE_LOAD_TIME"));
		assertThat(metrics.enabled()).isTrue();
		assertThat(binder().bind("spring.profiles.active", String.class).get()).isEqualTo("cloud");
		assertThat(Duration.ofSeconds(this.container.get("stopTimeout").asInt())).isPositive();
	}

	@Test
	void givenTheApiTaskDefinition_whenItsVariablesAreRead_thenNoCredentialIsInPlainTextAndTheUserIsTheReadOnlyOne() {
		assertThat(environment().keySet()).noneMatch((name) -> SECRET_NAME.matcher(name).find());
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
	private static boolean probesExposed() throws IOException {
		PropertySource<?> yaml = new YamlPropertySourceLoader()
			.load("application.yml", new ClassPathResource("application.yml"))
			.get(0);
		return "true".equals(String.valueOf(yaml.getProperty("management.endpoint.health.probes.enabled")))
				&& String.valueOf(yaml.getProperty("management.endpoints.web.exposure.include")).contains("health")
				&& String.valueOf(yaml.getProperty("management.endpoint.health.group.readiness.include"))
					.contains("database");
	}

	private static int defaultPort() throws IOException {
		List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
				new ClassPathResource("application.yml"));
		Object port = yaml.get(0).getProperty("server.port");
		return (port != null) ? Integer.parseInt(port.toString()) : 8080;
	}

	private Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		this.container.path("environment")
			.forEach((variable) -> environment.put(variable.get("name").asString(), variable.get("value").asString()));
		return environment;
	}

	private Binder binder() {
		return new Binder(ConfigurationPropertySources.from(environmentSource(environment())));
	}

	/**
	 * Variables as Spring Boot sees the process environment. The name matters: Boot applies its environment
	 * variable mapping (WEATHER_API_CACHE_LOAD_TIME to weather.api.cache.load-time, nested records included) only
	 * to a source named like the real one.
	 */
	private static SystemEnvironmentPropertySource environmentSource(Map<String, String> variables) {
		return new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.copyOf(variables));
	}

	private static String propertyOf(String variable, Set<String> known) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources
			.from(environmentSource(Map.of(variable, "x")))) {
			for (String name : known) {
				if (source.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null) {
					return name;
				}
			}
		}
		return null;
	}

	private static String prefix(Class<?> type) {
		ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
		return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
	}

	/** A record's properties, nested records included (weather.api.cache.load-time). */
	private static Set<String> recordProperties(String prefix, Class<?> type) {
		Set<String> names = new LinkedHashSet<>();
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + DataObjectPropertyName.toDashedForm(component.getName());
			if (component.getType().isRecord()) {
				names.addAll(recordProperties(name, component.getType()));
			}
			else {
				names.add(name);
			}
		}
		return names;
	}

	private static Set<String> beanProperties(Class<?> type) {
		Set<String> names = new LinkedHashSet<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getWriteMethod() != null && property.getPropertyType() != ClassLoader.class) {
				names.add(prefix(type) + "." + DataObjectPropertyName.toDashedForm(property.getName()));
			}
		}
		return names;
	}

	private JsonNode onlyContainer() {
		assertThat(this.taskDef.get("containerDefinitions").size()).isEqualTo(1);
		return this.taskDef.get("containerDefinitions").get(0);
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	private static JsonNode json(String file) {
		try {
			return JSON.readTree(Files.readString(TASK_DEFS.resolve(file)));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("ecs-task-defs"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No ecs-task-defs/ above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

}
