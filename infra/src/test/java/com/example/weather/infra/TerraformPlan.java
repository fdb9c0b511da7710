package com.example.weather.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.example.weather.deploy.DeploymentFiles;
import tools.jackson.databind.JsonNode;

/**
 * The offline plan of {@code infra/} as {@code terraform show -json} writes it, made once per test run by
 * {@code plan-offline.sh} into {@code target/}; the repository files it is checked against are read through
 * {@link DeploymentFiles}.
 * <p>
 * A planned value is known when Terraform plans (a name, a setting from a file) or only once AWS creates the
 * resource (an ID, an ARN): the latter is absent from {@link #after} and true in {@link #unknown}. Which resource
 * such a value comes from is in the plan's configuration, as the references of the attribute's expression.
 */
final class TerraformPlan {

	static final Path INFRA = DeploymentFiles.file("infra");

	static final Path PLAN_JSON = INFRA.resolve("target").resolve("offline-plan").resolve("plan.json");

	private static final long PLAN_TIMEOUT_MINUTES = 5;

	private static TerraformPlan plan;

	/** Why the plan could not be made: every test fails with it, without planning again. */
	private static RuntimeException failure;

	private final JsonNode root;

	private TerraformPlan(JsonNode root) {
		this.root = root;
	}

	/** The plan, made at the first call of the test run. */
	static synchronized TerraformPlan get() {
		if (plan == null && failure == null) {
			try {
				plan = new TerraformPlan(DeploymentFiles.json(makePlan()));
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
		return plan;
	}

	private static Path makePlan() {
		if (!onPath("terraform")) {
			throw new IllegalStateException("terraform is not on the PATH. The infra module plans the AWS stack with "
					+ "Terraform 1.11 (docs/aws.md); install it, or leave the module out: ./mvnw verify -pl '!infra'");
		}
		try {
			Files.createDirectories(PLAN_JSON.getParent());
			Path log = PLAN_JSON.resolveSibling("plan-offline.log");
			Process process = new ProcessBuilder("bash", INFRA.resolve("plan-offline.sh").toString(), PLAN_JSON.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(PLAN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("plan-offline.sh took over " + PLAN_TIMEOUT_MINUTES + " minutes; see " + log);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("plan-offline.sh failed (exit " + process.exitValue() + "):\n"
						+ Files.readString(log));
			}
			return PLAN_JSON;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean onPath(String command) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch((dir) -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
	}

	/** The planned resource changes of a type, in address order. */
	List<JsonNode> changes(String type) {
		List<JsonNode> changes = new ArrayList<>();
		for (JsonNode change : this.root.get("resource_changes")) {
			if (change.get("type").asString().equals(type)) {
				changes.add(change);
			}
		}
		return changes;
	}

	/** One planned resource change by address, e.g. {@code aws_ecs_task_definition.app["job"]}. */
	JsonNode change(String address) {
		for (JsonNode change : this.root.get("resource_changes")) {
			if (change.get("address").asString().equals(address)) {
				return change;
			}
		}
		throw new AssertionError("The plan has no " + address);
	}

	boolean has(String address) {
		return this.root.get("resource_changes").valueStream()
			.anyMatch((change) -> change.get("address").asString().equals(address));
	}

	/** The values a resource will have, as far as they are known when planning. */
	static JsonNode after(JsonNode change) {
		return change.get("change").get("after");
	}

	/** Which attributes (or parts) are only known once the resource exists. */
	static JsonNode unknown(JsonNode change) {
		return change.get("change").get("after_unknown");
	}

	/**
	 * What an attribute's expression refers to in the configuration (e.g. {@code aws_security_group.db.id} and
	 * {@code aws_security_group.db}); empty for a constant. {@code path} walks into blocks
	 * ({@code "network_configuration", "security_groups"}).
	 */
	List<String> references(String resourceAddress, String... path) {
		String configAddress = resourceAddress.replaceFirst("\\[.*]$", "");
		JsonNode resource = this.root.get("configuration").get("root_module").get("resources").valueStream()
			.filter((r) -> r.get("address").asString().equals(configAddress))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The configuration has no " + configAddress));
		JsonNode expression = resource.get("expressions");
		for (String step : path) {
			expression = expression.path(step);
			if (expression.isArray()) {
				expression = expression.path(0);
			}
		}
		return expression.path("references").valueStream().map(JsonNode::asString).toList();
	}

	/** The resource addresses among an expression's references: {@code aws_security_group.db}, without {@code .id}. */
	List<String> referencedResources(String resourceAddress, String... path) {
		return references(resourceAddress, path).stream()
			.filter((reference) -> reference.startsWith("aws_") && reference.chars().filter((c) -> c == '.').count() == 1)
			.toList();
	}

	/** A variable's value, as example.tfvars or its default sets it. */
	String variable(String name) {
		return this.root.get("variables").get(name).get("value").asString();
	}

	/** An output's planned value (its known parts). */
	JsonNode output(String name) {
		return this.root.get("planned_values").get("outputs").get(name).get("value");
	}

}
