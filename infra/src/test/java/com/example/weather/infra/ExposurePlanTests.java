package com.example.weather.infra;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.example.weather.deploy.DeploymentFiles.json;
import static com.example.weather.infra.TerraformPlan.after;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is public that should not be: the bucket and the database are private and encrypted, only the load
 * balancer takes traffic from outside the VPC, and only the tasks reach the database and the broker. Security
 * group rules name each other by ID, which AWS assigns on apply: the plan's configuration says which group each
 * rule refers to.
 */
class ExposurePlanTests {

	private static final String DB_GROUP = "aws_security_group.db";

	private static final String BROKER_GROUP = "aws_security_group.broker";

	private static final String API_GROUP = "aws_security_group.api";

	private static final String ALB_GROUP = "aws_security_group.alb";

	private final TerraformPlan plan = TerraformPlan.get();

	@Test
	void givenTheDataBucket_whenPlanned_thenItIsPrivateEncryptedVersionedAndExpiresOldVersions() {
		JsonNode block = after(this.plan.change("aws_s3_bucket_public_access_block.data"));
		JsonNode encryption = after(this.plan.change("aws_s3_bucket_server_side_encryption_configuration.data"));
		JsonNode versioning = after(this.plan.change("aws_s3_bucket_versioning.data"));
		JsonNode lifecycle = after(this.plan.change("aws_s3_bucket_lifecycle_configuration.data")).get("rule").get(0);

		assertThat(List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"))
			.allSatisfy((flag) -> assertThat(block.get(flag).asBoolean()).as(flag).isTrue());
		assertThat(encryption.get("rule").get(0).get("apply_server_side_encryption_by_default").get(0)
			.get("sse_algorithm").asString()).isIn("AES256", "aws:kms");
		assertThat(versioning.get("versioning_configuration").get(0).get("status").asString()).isEqualTo("Enabled");
		assertThat(lifecycle.get("status").asString()).isEqualTo("Enabled");
		assertThat(lifecycle.get("noncurrent_version_expiration").get(0).get("noncurrent_days").asInt()).isPositive();
		assertThat(after(this.plan.change("aws_s3_bucket.data")).get("bucket").asString())
			.isEqualTo(this.plan.variable("data_bucket"));
		assertThat(after(this.plan.change("aws_s3_bucket_policy.data")).get("policy").asString())
			.contains("\"aws:SecureTransport\":\"false\"");
	}

	@Test
	void givenTheDatabase_whenPlanned_thenItIsPostgres15PrivateEncryptedBackedUpAndProtected() {
		JsonNode db = after(this.plan.change("aws_db_instance.main"));

		assertThat(db.get("engine").asString()).isEqualTo("postgres");
		assertThat(db.get("engine_version").asString()).startsWith("15");
		assertThat(db.get("publicly_accessible").asBoolean()).isFalse();
		assertThat(db.get("storage_encrypted").asBoolean()).isTrue();
		assertThat(db.get("backup_retention_period").asInt()).isPositive();
		assertThat(db.get("deletion_protection").asBoolean()).as("the default").isTrue();
		assertThat(db.get("manage_master_user_password").asBoolean()).as("master password in Secrets Manager").isTrue();
		assertThat(db.path("password").isNull() || db.path("password").isMissingNode()).isTrue();
		assertThat(this.plan.referencedResources("aws_db_instance.main", "vpc_security_group_ids")).containsExactly(DB_GROUP);
	}

	@Test
	void givenTheDatabaseAndTheBroker_whenSomethingConnects_thenOnlyTheTasksSecurityGroupsMayReachThem() {
		Set<String> taskGroups = taskSecurityGroups();
		Set<String> reachingDb = new LinkedHashSet<>();
		Set<String> reachingBroker = new LinkedHashSet<>();
		for (JsonNode rule : this.plan.changes("aws_vpc_security_group_ingress_rule")) {
			String address = rule.get("address").asString();
			List<String> group = this.plan.referencedResources(address, "security_group_id");
			if (group.contains(DB_GROUP) || group.contains(BROKER_GROUP)) {
				assertThat(after(rule).path("cidr_ipv4").isNull()).as(address + " opens to an address range").isTrue();
				assertThat(after(rule).path("cidr_ipv6").isNull()).as(address).isTrue();
				assertThat(after(rule).path("prefix_list_id").isNull()).as(address).isTrue();
				List<String> from = this.plan.referencedResources(address, "referenced_security_group_id");
				assertThat(from).as(address + " lets in").isNotEmpty().isSubsetOf(taskGroups);
				(group.contains(DB_GROUP) ? reachingDb : reachingBroker).addAll(from);
			}
		}

		assertThat(reachingDb).as("the job and the API reach the database")
			.containsExactlyInAnyOrder("aws_security_group.batch", API_GROUP);
		assertThat(reachingBroker).as("the job and its workers reach the broker").containsExactly("aws_security_group.batch");
		assertThat(this.plan.referencedResources("aws_mq_broker.main", "security_groups")).containsExactly(BROKER_GROUP);
		assertThat(after(this.plan.change("aws_mq_broker.main")).get("publicly_accessible").asBoolean()).isFalse();
	}

	@Test
	void givenEveryIngressRule_whenItOpensToAnAddressRange_thenItIsHttpsToTheLoadBalancerOnly() {
		for (JsonNode rule : this.plan.changes("aws_vpc_security_group_ingress_rule")) {
			String address = rule.get("address").asString();
			JsonNode values = after(rule);
			List<String> group = this.plan.referencedResources(address, "security_group_id");
			if (!values.path("cidr_ipv4").isNull() || !values.path("cidr_ipv6").isNull()) {
				assertThat(group).as(address).containsExactly(ALB_GROUP);
				assertThat(values.get("from_port").asInt()).as(address).isEqualTo(443);
				assertThat(values.get("to_port").asInt()).as(address).isEqualTo(443);
			}
			if (group.contains(API_GROUP)) {
				assertThat(this.plan.referencedResources(address, "referenced_security_group_id")).as(address)
					.containsExactly(ALB_GROUP);
			}
		}
		for (JsonNode group : this.plan.changes("aws_security_group")) {
			assertThat(this.plan.references(group.get("address").asString(), "ingress"))
				.as("no inline rule hides beside the separate ones").isEmpty();
		}
		assertThat(this.plan.referencedResources("aws_lb.api", "security_groups")).containsExactly(ALB_GROUP);
	}

	@Test
	void givenEveryTask_whenItStarts_thenItGetsNoPublicAddress() {
		for (JsonNode service : this.plan.changes("aws_ecs_service")) {
			assertThat(after(service).get("network_configuration").get(0).get("assign_public_ip").asBoolean())
				.as(service.get("address").asString()).isFalse();
		}
		List<JsonNode> schedules = this.plan.changes("aws_scheduler_schedule");
		assertThat(schedules).extracting((schedule) -> schedule.get("address").asString())
			.contains(TaskDefinitionPlanTests.JOB_SCHEDULE, TaskDefinitionPlanTests.WORKERS_SCHEDULE);
		for (JsonNode schedule : schedules) {
			assertThat(after(schedule).get("target").get(0).get("ecs_parameters").get(0).get("network_configuration")
				.get(0).get("assign_public_ip").asBoolean()).as(schedule.get("address").asString()).isFalse();
		}
	}

	@Test
	void givenEveryRole_whenPlanned_thenOnlyItsServiceAssumesItAndItHasOnlyItsInlinePolicy() {
		assertThat(this.plan.changes("aws_iam_role_policy_attachment")).as("no managed policy").isEmpty();
		assertThat(this.plan.changes("aws_iam_policy_attachment")).as("no managed policy").isEmpty();
		for (JsonNode role : this.plan.changes("aws_iam_role")) {
			String name = after(role).get("name").asString();
			JsonNode trust = json(after(role).get("assume_role_policy").asString());
			assertThat(trust.get("Statement").valueStream()
				.map((statement) -> statement.get("Principal").get("Service").asString()))
				.as(name + " is assumed by").containsExactly(name.equals("weather-scheduler") ? "scheduler.amazonaws.com"
						: "ecs-tasks.amazonaws.com");
			long policies = this.plan.changes("aws_iam_role_policy").stream()
				.filter((policy) -> this.plan.referencedResources(policy.get("address").asString(), "role")
					.contains(role.get("address").asString().replaceFirst("\\[.*]$", "")))
				.filter((policy) -> !policy.get("address").asString().contains("[")
						|| policy.get("index").asString().equals(role.get("index").asString()))
				.count();
			assertThat(policies).as(name + " inline policies").isEqualTo(1);
		}
	}

	/** The groups the tasks run in: the services', and the one the schedule's file names. */
	private Set<String> taskSecurityGroups() {
		Set<String> groups = new LinkedHashSet<>();
		for (JsonNode service : this.plan.changes("aws_ecs_service")) {
			groups.addAll(this.plan.referencedResources(service.get("address").asString(), "network_configuration",
					"security_groups"));
		}
		groups.add(this.plan.output("placeholder_sources").get("BATCH_SECURITY_GROUP_ID").asString());
		assertThat(groups).isNotEmpty().doesNotContain(DB_GROUP, BROKER_GROUP, ALB_GROUP);
		return groups;
	}

}
