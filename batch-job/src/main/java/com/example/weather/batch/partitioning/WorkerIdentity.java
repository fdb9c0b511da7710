package com.example.weather.batch.partitioning;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records in each partition's step execution context, under {@value #KEY}, which process ran it:
 * {@code ecs-task 0f3c... pid 1} in an ECS task, {@code host ip-10-0-1-7 pid 4242} elsewhere. Written when the
 * partition starts, in local and in remote mode, so that the API shows it and the per-file log line names it; a
 * partition that a second worker finishes after the first died names the second.
 */
public class WorkerIdentity implements StepExecutionListener {

	/** The step execution context key (a contract with the API). */
	public static final String KEY = "worker";

	private static final Log logger = LogFactory.getLog(WorkerIdentity.class);

	private final String description;

	public WorkerIdentity(String description) {
		this.description = description;
	}

	/** This process, asking the ECS task metadata endpoint for the task id when there is one. */
	public static WorkerIdentity ofThisProcess() {
		long pid = ProcessHandle.current().pid();
		String metadata = System.getenv("ECS_CONTAINER_METADATA_URI_V4");
		String taskId = (metadata != null) ? ecsTaskId(metadata) : null;
		return new WorkerIdentity((taskId != null) ? "ecs-task " + taskId + " pid " + pid
				: "host " + hostName() + " pid " + pid);
	}

	public String description() {
		return this.description;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		stepExecution.getExecutionContext().putString(KEY, this.description);
	}

	private static String ecsTaskId(String metadataUri) {
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create(metadataUri + "/task")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode task = JsonMapper.builder().build().readTree(response.body());
			String arn = task.path("TaskARN").asString("");
			return arn.isEmpty() ? null : arn.substring(arn.lastIndexOf('/') + 1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (Exception ex) {
			logger.warn("Could not read the ECS task id from " + metadataUri + "; naming the host instead: " + ex);
			return null;
		}
	}

	private static String hostName() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

}
