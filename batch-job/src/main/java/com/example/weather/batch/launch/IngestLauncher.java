package com.example.weather.batch.launch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs one night: takes the run lock, recovers executions left running by a dead process, then starts the job
 * (or restarts it, if this {@code run.date} failed or stopped before). Answers the process exit code.
 * <p>
 * A run that fails because the database was out of reach (a dropped connection, a restart, a failover, refused
 * connections, the run lock lost with its connection) is run again in this process, after a pause that doubles
 * from 1 s up to 15 s, until {@code ingest.database-outage-timeout} has passed: each attempt takes the lock anew,
 * recovers what the previous one left and restarts from the last committed chunk, exactly as a rerun by hand would.
 */
public class IngestLauncher {

	private static final Log logger = LogFactory.getLog(IngestLauncher.class);

	private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

	private static final int SETTLE_ATTEMPTS = 20;

	private static final Duration SETTLE_PAUSE = Duration.ofMillis(500);

	private final Job job;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final IngestRunLock runLock;

	private final StopOnShutdown stopOnShutdown;

	private final Duration outageTimeout;

	public IngestLauncher(Job job, JobOperator jobOperator, JobRepository jobRepository, IngestRunLock runLock,
			StopOnShutdown stopOnShutdown, Duration outageTimeout) {
		this.job = job;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.runLock = runLock;
		this.stopOnShutdown = stopOnShutdown;
		this.outageTimeout = outageTimeout;
	}

	public IngestExitCode launch(IngestArguments arguments) {
		long deadline = System.nanoTime() + this.outageTimeout.toNanos();
		Duration pause = FIRST_PAUSE;
		for (int attempt = 1;; attempt++) {
			Attempt result = attempt(arguments, attempt);
			if (result.outage() == null) {
				return result.exitCode();
			}
			if (System.nanoTime() + pause.toNanos() > deadline) {
				logger.error("The run for %s=%s gave up after %d attempts over %s (ingest.database-outage-timeout): %s; "
					.formatted(IngestArguments.RUN_DATE, arguments.runDate(), attempt, this.outageTimeout,
							oneLine(result.outage()))
						+ "rerun the same run.date once the database is back");
				return IngestExitCode.NOT_COMPLETED;
			}
			logger.warn("The run for %s=%s failed on a database outage (%s); attempt %d in %ds".formatted(
					IngestArguments.RUN_DATE, arguments.runDate(), oneLine(result.outage()), attempt + 1,
					pause.toSeconds()));
			try {
				Thread.sleep(pause.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return IngestExitCode.NOT_COMPLETED;
			}
			pause = (pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0) ? pause.multipliedBy(2) : LONGEST_PAUSE;
		}
	}

	private Attempt attempt(IngestArguments arguments, int attempt) {
		Optional<IngestRunLock.Held> lock;
		try {
			StringBuilder holder = new StringBuilder();
			lock = this.runLock.tryAcquire(holder);
			if (lock.isEmpty()) {
				if (attempt == 1) {
					logger.error("Another %s run is in progress (%s); this run changes nothing and exits"
						.formatted(this.job.getName(), holder));
					return new Attempt(IngestExitCode.ALREADY_RUNNING, null);
				}
				logger.error("Another %s run has taken the run lock over (%s); this run stops here"
					.formatted(this.job.getName(), holder));
				return new Attempt(IngestExitCode.NOT_COMPLETED, null);
			}
		}
		catch (RuntimeException ex) {
			return failed(arguments, ex);
		}
		try (IngestRunLock.Held held = lock.get()) {
			JobParameters parameters = arguments.toJobParameters();
			recoverOnceSettled(parameters);
			JobExecution execution;
			try {
				execution = this.jobOperator.start(this.job, parameters);
			}
			finally {
				this.stopOnShutdown.jobEnded();
			}
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				return new Attempt(IngestExitCode.COMPLETED, null);
			}
			Throwable outage = execution.getAllFailureExceptions()
				.stream()
				.filter(DatabaseOutage::causedBy)
				.findFirst()
				.orElse(null);
			boolean stopped = execution.getStatus() == BatchStatus.STOPPED
					|| execution.getStatus() == BatchStatus.STOPPING;
			return new Attempt(IngestExitCode.NOT_COMPLETED, stopped ? null : outage);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			logger.info("The run for %s=%s already completed; nothing to do".formatted(IngestArguments.RUN_DATE,
					arguments.runDate()));
			return new Attempt(IngestExitCode.COMPLETED, null);
		}
		catch (Exception ex) {
			return failed(arguments, ex);
		}
	}

	private Attempt failed(IngestArguments arguments, Exception ex) {
		if (DatabaseOutage.causedBy(ex)) {
			return new Attempt(IngestExitCode.NOT_COMPLETED, ex);
		}
		logger.error("The run for %s=%s could not start".formatted(IngestArguments.RUN_DATE, arguments.runDate()), ex);
		return new Attempt(IngestExitCode.NOT_COMPLETED, null);
	}

	/**
	 * Recovers what earlier executions left. A run that lost its lock to this one may still be recording how its
	 * execution ended, a moment after its last chunk; recovering it at the same time fails on the repository's
	 * optimistic lock: read it again, a few times.
	 */
	private void recoverOnceSettled(JobParameters parameters) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				recoverDeadExecutions();
				reviveUnknown(parameters);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == SETTLE_ATTEMPTS) {
					throw ex;
				}
				Thread.sleep(SETTLE_PAUSE.toMillis());
			}
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

	/**
	 * An execution that lost the database while recording how a step ended is left UNKNOWN, which Spring Batch
	 * refuses to restart. Its chunks committed with their restart positions, in the same transactions, so the
	 * night can safely go on from there: mark it FAILED, with the steps it left unfinished.
	 */
	private void reviveUnknown(JobParameters parameters) {
		JobExecution last = this.jobRepository.getLastJobExecution(this.job.getName(), parameters);
		if (last == null || last.getStatus() != BatchStatus.UNKNOWN) {
			return;
		}
		logger.warn(("Execution %d ended UNKNOWN: it lost the database while recording its progress. Its committed "
				+ "chunks are consistent: marking it FAILED so that the run restarts from them").formatted(last.getId()));
		LocalDateTime now = LocalDateTime.now();
		for (StepExecution step : last.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED.addExitDescription(step.getExitStatus().getExitDescription()));
				if (step.getEndTime() == null) {
					step.setEndTime(now);
				}
				this.jobRepository.update(step);
			}
		}
		last.setStatus(BatchStatus.FAILED);
		last.setExitStatus(ExitStatus.FAILED.addExitDescription(last.getExitStatus().getExitDescription()));
		if (last.getEndTime() == null) {
			last.setEndTime(now);
		}
		this.jobRepository.update(last);
	}

	private static String oneLine(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
		return root.getClass().getSimpleName() + ": " + message;
	}

	private record Attempt(IngestExitCode exitCode, Throwable outage) {
	}

}
