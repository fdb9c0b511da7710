package com.example.weather.batch.partitioning;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * After a manager step, brings home what the workers recorded. The job execution in the manager's memory still holds
 * its partitions as it created them, while the workers wrote their counts, contexts and statuses to the job
 * repository; the run's report and metrics, which read that job execution, get the recorded ones.
 * <p>
 * When the manager step gave up waiting ({@code ingest.remote.timeout}), also says why in words an operator acts
 * on: how many partitions no worker ever took, and how many were still running. The partitions never taken are
 * recorded FAILED, so that the run's history does not show them waiting for ever; a worker that takes one of their
 * requests later finds its run ended and does nothing, and the rerun sends its own.
 */
class RemotePartitionResults implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog(RemotePartitionResults.class);

	private final JobRepository jobRepository;

	private final String workerStep;

	private final PartitioningProperties.Remote remote;

	RemotePartitionResults(JobRepository jobRepository, String workerStep, PartitioningProperties.Remote remote) {
		this.jobRepository = jobRepository;
		this.workerStep = workerStep;
		this.remote = remote;
	}

	@Override
	public ExitStatus afterStep(StepExecution managerStep) {
		Map<Long, StepExecution> recorded = this.jobRepository.getJobExecution(managerStep.getJobExecutionId())
			.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().startsWith(this.workerStep + ":"))
			.collect(Collectors.toMap(StepExecution::getId, Function.identity()));
		boolean timedOut = managerStep.getStatus() == BatchStatus.FAILED && managerStep.getFailureExceptions()
			.stream()
			.anyMatch((failure) -> failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException);
		ExitStatus exitStatus = timedOut ? reportTimeout(managerStep, List.copyOf(recorded.values())) : null;
		for (StepExecution partition : managerStep.getJobExecution().getStepExecutions()) {
			StepExecution worker = recorded.get(partition.getId());
			if (worker != null) {
				copy(worker, partition);
			}
		}
		return exitStatus;
	}

	private ExitStatus reportTimeout(StepExecution managerStep, List<StepExecution> partitions) {
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

	private static void copy(StepExecution from, StepExecution to) {
		to.setStatus(from.getStatus());
		to.setExitStatus(from.getExitStatus());
		to.setStartTime(from.getStartTime());
		to.setEndTime(from.getEndTime());
		to.setReadCount(from.getReadCount());
		to.setWriteCount(from.getWriteCount());
		to.setFilterCount(from.getFilterCount());
		to.setCommitCount(from.getCommitCount());
		to.setRollbackCount(from.getRollbackCount());
		to.setReadSkipCount(from.getReadSkipCount());
		to.setProcessSkipCount(from.getProcessSkipCount());
		to.setWriteSkipCount(from.getWriteSkipCount());
		to.setExecutionContext(from.getExecutionContext());
		to.setVersion(from.getVersion());
	}

}
