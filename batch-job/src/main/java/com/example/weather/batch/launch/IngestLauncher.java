package com.example.weather.batch.launch;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs one night: takes the run lock, recovers executions left running by a dead process, then starts the job
 * (or restarts it, if this {@code run.date} failed or stopped before). Answers the process exit code.
 */
public class IngestLauncher {

	private static final Log logger = LogFactory.getLog(IngestLauncher.class);

	private final Job job;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final IngestRunLock runLock;

	private final StopOnShutdown stopOnShutdown;

	public IngestLauncher(Job job, JobOperator jobOperator, JobRepository jobRepository, IngestRunLock runLock,
			StopOnShutdown stopOnShutdown) {
		this.job = job;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.runLock = runLock;
		this.stopOnShutdown = stopOnShutdown;
	}

	public IngestExitCode launch(IngestArguments arguments) {
		StringBuilder holder = new StringBuilder();
		Optional<IngestRunLock.Held> lock = this.runLock.tryAcquire(holder);
		if (lock.isEmpty()) {
			logger.error("Another %s run is in progress (%s); this run changes nothing and exits"
				.formatted(this.job.getName(), holder));
			return IngestExitCode.ALREADY_RUNNING;
		}
		try (IngestRunLock.Held held = lock.get()) {
			recoverDeadExecutions();
			JobExecution execution;
			try {
				execution = this.jobOperator.start(this.job, arguments.toJobParameters());
			}
			finally {
				this.stopOnShutdown.jobEnded();
			}
			return (execution.getStatus() == BatchStatus.COMPLETED) ? IngestExitCode.COMPLETED
					: IngestExitCode.NOT_COMPLETED;
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			logger.info("The run for %s=%s already completed; nothing to do".formatted(IngestArguments.RUN_DATE,
					arguments.runDate()));
			return IngestExitCode.COMPLETED;
		}
		catch (Exception ex) {
			logger.error("The run for %s=%s could not start".formatted(IngestArguments.RUN_DATE, arguments.runDate()),
					ex);
			return IngestExitCode.NOT_COMPLETED;
		}
	}

	/**
	 * We hold the run lock, so no live process is running this job: whatever the repository still shows as
	 * running belongs to a process that was killed or lost its database. Mark it failed so that it can restart.
	 */
	private void recoverDeadExecutions() {
		for (JobExecution dead : this.jobRepository.findRunningJobExecutions(this.job.getName())) {
			logger.warn(("Execution %d (%s) is recorded as %s, but its process is gone (killed, or cut off from the "
					+ "database): marking it FAILED so that its run can restart")
				.formatted(dead.getId(), dead.getJobParameters(), dead.getStatus()));
			this.jobOperator.recover(dead);
		}
	}

}
