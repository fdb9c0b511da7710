package com.example.weather.deploy;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's files as the tests of this module read them (the deployment files of {@code ecs-task-defs/} and
 * {@code eventbridge/}, the Dockerfiles, the Terraform stack's inputs), and what the code says they must agree with.
 * The one helper of the deployment and the Terraform plan tests: where the repository is, JSON, placeholders, and the
 * properties the job and the API read.
 */
public final class DeploymentFiles {

	public static final Path ROOT = findRoot();

	public static final Path TASK_DEFS = ROOT.resolve("ecs-task-defs");

	public static final Path EVENTBRIDGE = ROOT.resolve("eventbridge");

	public static final Path BATCH_TASK_DEF = TASK_DEFS.resolve("batch-job-task-def.json");

	public static final Path WORKER_TASK_DEF = TASK_DEFS.resolve("batch-worker-task-def.json");

	public static final Path WORKER_SCHEDULE = EVENTBRIDGE.resolve("nightly-workers-schedule.json");

	public static final Path SCHEDULE = EVENTBRIDGE.resolve("nightly-ingest-schedule.json");

	public static final Path FAILED_TASK_RULE = EVENTBRIDGE.resolve("failed-ingest-task-rule.json");

	public static final Path RERUN_OVERRIDES = TASK_DEFS.resolve("rerun-overrides.json");

	public static final Path RERUN_SCRIPT = TASK_DEFS.resolve("rerun-night.sh");

	public static final Path API_TASK_DEF = TASK_DEFS.resolve("api-task-def.json");

	public static final Path API_SERVICE = TASK_DEFS.resolve("api-service.json");

	public static final Path API_TARGET_GROUP = TASK_DEFS.resolve("api-target-group.json");

	public static final Path PLACEHOLDERS = TASK_DEFS.resolve("placeholders.env.example");

	/**
	 * The job's and the API's own configuration, read as files: both applications' classes are on this module's
	 * test classpath, and so would be two {@code application.yml} at its root.
	 */
	public static final Path JOB_APPLICATION_YML = ROOT.resolve("batch-job/src/main/resources/application.yml");

	public static final Path API_APPLICATION_YML = ROOT.resolve("api/src/main/resources/application.yml");

	/** Names that say a value is a credential; such a value belongs in {@code secrets}, never in plain text. */
	public static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|KEY|TOKEN|CREDENTIAL");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DeploymentFiles() {
	}

	/** The repository root: the surefire working directory is the module, but an IDE may start elsewhere. */
	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("ecs-task-defs"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No ecs-task-defs/ above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

	/** A file of the repository, e.g. {@code ecs-task-defs/api-target-group.json}. */
	public static Path file(String path) {
		return ROOT.resolve(path);
	}

	/** The files of a repository directory whose names end so, sorted. */
	public static List<Path> files(String directory, String suffix) {
		try (Stream<Path> files = Files.list(ROOT.resolve(directory))) {
			return files.filter((p) -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every JSON file under ecs-task-defs/ and eventbridge/. */
	public static List<Path> jsonFiles() {
		try (Stream<Path> a = Files.walk(TASK_DEFS); Stream<Path> b = Files.walk(EVENTBRIDGE)) {
			return Stream.concat(a, b).filter((p) -> p.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static JsonNode json(Path file) {
		return JSON.readTree(text(file));
	}

	public static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	/** The {@code ${NAME}} placeholders a text uses. */
	public static Set<String> placeholders(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** The placeholders documented in placeholders.env.example, with their example values. */
	public static Map<String, String> declaredPlaceholders() {
		Map<String, String> declared = new LinkedHashMap<>();
		for (String line : text(PLACEHOLDERS).split("\n")) {
			int equals = line.indexOf('=');
			if (!line.startsWith("#") && equals > 0) {
				declared.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
			}
		}
		return declared;
	}

	/** A container definition's environment, name to value. */
	public static Map<String, String> environment(JsonNode container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (JsonNode variable : container.path("environment")) {
			environment.put(variable.get("name").asString(), variable.get("value").asString());
		}
		return environment;
	}

	/** The names of a container definition's secrets. */
	public static List<String> secretNames(JsonNode container) {
		return container.path("secrets").valueStream().map((secret) -> secret.get("name").asString()).toList();
	}

	/** The one container of a task definition; each of this repository's has one. */
	public static JsonNode onlyContainer(JsonNode taskDefinition) {
		assertThat(taskDefinition.get("containerDefinitions").size()).isEqualTo(1);
		return taskDefinition.get("containerDefinitions").get(0);
	}

	public static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	/**
	 * The {@code public static final String} constants of a class, name to value, e.g. {@code ROWS_REJECTED} to
	 * {@code ingest.rows.rejected}: the names the code gives its meters and tags.
	 */
	public static Map<String, String> constants(Class<?> type) {
		Map<String, String> constants = new LinkedHashMap<>();
		for (Field field : type.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())
					&& field.getType() == String.class) {
				try {
					constants.put(field.getName(), (String) field.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return constants;
	}

	/** The properties of a {@code @ConfigurationProperties} record, in canonical form: prefix.dashed-name. */
	public static Set<String> recordProperties(Class<? extends Record> type) {
		ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
		return recordProperties(type, annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix());
	}

	/**
	 * The properties of a record nested at {@code prefix} in a {@code @ConfigurationProperties} record, those of
	 * its own nested records included ({@code weather.api.cache.load-time}).
	 */
	public static Set<String> recordProperties(Class<?> type, String prefix) {
		Set<String> names = new LinkedHashSet<>();
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + DataObjectPropertyName.toDashedForm(component.getName());
			if (component.getType().isRecord()) {
				names.addAll(recordProperties(component.getType(), name));
			}
			else {
				names.add(name);
			}
		}
		return names;
	}

	/** The properties of a {@code @ConfigurationProperties} Java bean: one per setter. */
	public static Set<String> beanProperties(Class<?> type) {
		ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
		String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
		Set<String> names = new LinkedHashSet<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			// a ClassLoader comes from the container (BeanClassLoaderAware), not from configuration
			if (property.getWriteMethod() != null && property.getPropertyType() != ClassLoader.class) {
				names.add(prefix + "." + DataObjectPropertyName.toDashedForm(property.getName()));
			}
		}
		return names;
	}

	/** The switches of {@code @ConditionalOnBooleanProperty} bean methods of a configuration class. */
	public static Set<String> conditionProperties(Class<?> configuration) {
		Set<String> names = new LinkedHashSet<>();
		for (Method method : configuration.getDeclaredMethods()) {
			// a method may carry several (a repeatable annotation)
			for (ConditionalOnBooleanProperty condition : method
				.getAnnotationsByType(ConditionalOnBooleanProperty.class)) {
				String prefix = condition.prefix().isEmpty() ? "" : condition.prefix() + ".";
				for (String name : (condition.name().length > 0) ? condition.name() : condition.value()) {
					names.add(prefix + name);
				}
			}
		}
		return names;
	}

	/**
	 * The property an environment variable sets, as Spring's relaxed binding maps it, among {@code known}; null if
	 * it sets none of them.
	 */
	public static String propertyOf(String variable, String value, Set<String> known) {
		Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources
			.from(environmentSource(Map.of(variable, value)));
		for (ConfigurationPropertySource source : sources) {
			for (String name : known) {
				if (source.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null) {
					return name;
				}
			}
		}
		return null;
	}

	/**
	 * Variables as Spring Boot sees the process environment. The name matters: Boot applies its environment
	 * variable mapping (WEATHER_API_CACHE_LOADTIME to weather.api.cache.load-time, nested records included) only to
	 * a source named like the real one.
	 */
	public static SystemEnvironmentPropertySource environmentSource(Map<String, String> variables) {
		return new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.copyOf(variables));
	}

	/** Binds a task's variables as Spring Boot binds the process environment. */
	public static Binder binder(Map<String, String> environment) {
		return new Binder(ConfigurationPropertySources.from(environmentSource(environment)));
	}

	/** The API's settings as a task with {@code environment} sees them: its variables over the jar's application.yml. */
	public static Binder apiSettings(Map<String, String> environment) {
		return new Binder(
				ConfigurationPropertySources.from(List.of(environmentSource(environment), apiApplicationYml())));
	}

	/** The API's application.yml, as its jar packs it. */
	public static PropertySource<?> apiApplicationYml() {
		try {
			return new YamlPropertySourceLoader()
				.load("application.yml", new FileSystemResource(API_APPLICATION_YML))
				.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The family a task definition ARN or name refers to: {@code arn:...:task-definition/FAMILY[:REVISION]}. */
	public static String family(String taskDefinition) {
		String name = taskDefinition.substring(taskDefinition.lastIndexOf('/') + 1);
		int colon = name.indexOf(':');
		return (colon < 0) ? name : name.substring(0, colon);
	}

}
