package com.example.weather.batch.partitioning;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * When a manager step gives up waiting ({@code ingest.remote.timeout}), says why in words an operator acts on: how
 * many partitions no worker ever took, and how many were still running. The partitions never taken are recorded
 * FAILED, so that the run's history does not show them waiting for ever; a worker that takes one of their requests
 * later finds its run ended and does nothing, and the rerun sends its own.
 */
class UnstartedPartitions implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog(UnstartedPartitions.class);

	private final JobRepository jobRepository;

	private final String workerStep;

	private final PartitioningProperties.Remote remote;

	UnstartedPartitions(JobRepository jobRepository, String workerStep, PartitioningProperties.Remote remote) {
		this.jobRepository = jobRepository;
		this.workerStep = workerStep;
		this.remote = remote;
	}

	@Override
	public ExitStatus afterStep(StepExecution managerStep) {
		if (managerStep.getStatus() != BatchStatus.FAILED || managerStep.getFailureExceptions()
			.stream()
			.noneMatch((failure) -> failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException)) {
			return null;
		}
		List<StepExecution> partitions = this.jobRepository.getJobExecution(managerStep.getJobExecutionId())
			.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().startsWith(this.workerStep + ":"))
			.toList();
		List<StepExecution> neverStarted = partitions.stream()
			.filter((step) -> step.getStatus() == BatchStatus.STARTING)
			.toList();
		long running = partitions.stream().filter((step) -> step.getStatus().isRunning()).count()
				- neverStarted.size();
		String message = ("%d of %d partitions of %s never started: no worker took their requests from queue %s "
				+ "within ingest.remote.timeout=%s (%d still running). Start workers (ingest.worker=true) on this "
				+ "broker and database, then rerun the same run.date")
			.formatted(neverStarted.size(), partitions.size(), managerStep.getStepName(), this.remote.queue(),
					this.remote.timeout(), running);
		logger.error(message);
		for (StepExecution partition : neverStarted) {
			partition.setStatus(BatchStatus.FAILED);
			partition.setExitStatus(ExitStatus.FAILED.addExitDescription("No worker took this partition within "
					+ "ingest.remote.timeout=" + this.remote.timeout()));
			partition.setEndTime(LocalDateTime.now());
			this.jobRepository.update(partition);
		}
		return ExitStatus.FAILED.addExitDescription(message);
	}

}
