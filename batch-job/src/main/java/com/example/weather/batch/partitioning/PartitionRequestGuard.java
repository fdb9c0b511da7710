package com.example.weather.batch.partitioning;

import java.time.LocalDateTime;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * What a worker does with a request from the queue, in front of Spring Batch's {@link StepExecutionRequestHandler},
 * which would run any step execution it is given. A request can arrive twice (the broker redelivers what a worker
 * that died held; a manager that died may have sent requests its rerun sends again), and late (after its run
 * failed or was stopped). So:
 * <ul>
 * <li>a partition already COMPLETED: acknowledged, nothing done;</li>
 * <li>a partition of a run being stopped: recorded STOPPED without running it, so that the stopping manager is not
 * kept waiting for it;</li>
 * <li>a partition of a run that ended (failed, or recovered after its manager died; a rerun has sent its own
 * requests): acknowledged, nothing done;</li>
 * <li>otherwise the step runs, from the partition's last commit if a worker that died had started it.</li>
 * </ul>
 * A request that cannot be handled at all (no such step execution, the database unreachable) throws: the broker
 * delivers it again, and after {@code ingest.remote.delivery-limit} deliveries moves it to the dead-letter queue.
 */
public class PartitionRequestGuard {

	private static final Log logger = LogFactory.getLog(PartitionRequestGuard.class);

	private final StepExecutionRequestHandler handler;

	private final JobRepository jobRepository;

	private final WorkerShutdown shutdown;

	public PartitionRequestGuard(StepExecutionRequestHandler handler, JobRepository jobRepository,
			WorkerShutdown shutdown) {
		this.handler = handler;
		this.jobRepository = jobRepository;
		this.shutdown = shutdown;
	}

	public void handle(StepExecutionRequest request) {
		this.shutdown.begin();
		try {
			if (this.shutdown.isStopping()) {
				this.shutdown.halt(request.toString());
			}
			StepExecution partition = this.jobRepository.getStepExecution(request.getStepExecutionId());
			if (partition == null) {
				throw new IllegalStateException("No step execution " + request.getStepExecutionId()
						+ " in the job repository for " + request + ": is this worker on the manager's database?");
			}
			BatchStatus run = partition.getJobExecution().getStatus();
			if (partition.getStatus() == BatchStatus.COMPLETED) {
				logger.info("%s (step execution %d) is already COMPLETED: request acknowledged, nothing done"
					.formatted(partition.getStepName(), partition.getId()));
			}
			else if (run == BatchStatus.STOPPING || run == BatchStatus.STOPPED) {
				partition.setStatus(BatchStatus.STOPPED);
				partition.setExitStatus(ExitStatus.STOPPED
					.addExitDescription("The run was stopped before a worker started this partition"));
				partition.setEndTime(LocalDateTime.now());
				this.jobRepository.update(partition);
				logger.info("%s (step execution %d): its run is %s; recorded STOPPED without running it"
					.formatted(partition.getStepName(), partition.getId(), run));
			}
			else if (!run.isRunning()) {
				logger.info("%s (step execution %d): its run (execution %d) is %s; request acknowledged, nothing done"
					.formatted(partition.getStepName(), partition.getId(), partition.getJobExecutionId(), run));
			}
			else {
				this.handler.handle(request);
			}
		}
		finally {
			this.shutdown.end();
		}
	}

}
