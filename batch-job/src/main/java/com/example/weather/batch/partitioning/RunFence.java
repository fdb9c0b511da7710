package com.example.weather.batch.partitioning;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.ThreadStepInterruptionPolicy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checked by a file's step before each chunk: a partition goes on only while its run does. The run lock is held by
 * the manager's process, not by the workers, so a worker learns that its run was stopped (SIGTERM to the manager),
 * failed (the manager gave up, or a rerun recovered it after the manager died) from the run's status in the job
 * repository, and then stops the partition at this chunk boundary instead of writing on. A worker that is itself
 * shutting down halts here (see {@link WorkerShutdown}).
 * <p>
 * One query per chunk reads only the run's status row: the job repository's {@code getJobExecution} would also load
 * every partition's step execution and context. The query names the job execution table with the job repository's
 * table prefix.
 */
public class RunFence extends ThreadStepInterruptionPolicy {

	private static final Log logger = LogFactory.getLog(RunFence.class);

	private final JdbcTemplate jdbcTemplate;

	private final WorkerShutdown shutdown;

	private final String runStatus;

	public RunFence(JdbcTemplate jdbcTemplate, WorkerShutdown shutdown, String jobRepositoryTablePrefix) {
		this.jdbcTemplate = jdbcTemplate;
		this.shutdown = shutdown;
		this.runStatus = PartitioningSql.runStatus(jobRepositoryTablePrefix);
	}

	@Override
	public void checkInterrupted(StepExecution stepExecution) throws JobInterruptedException {
		super.checkInterrupted(stepExecution);
		if (this.shutdown.isStopping()) {
			this.shutdown.halt(stepExecution.getStepName());
		}
		long jobExecutionId = stepExecution.getJobExecutionId();
		String status = this.jdbcTemplate.queryForObject(this.runStatus, String.class, jobExecutionId);
		if (!BatchStatus.valueOf(status).isRunning() || BatchStatus.valueOf(status) == BatchStatus.STOPPING) {
			logger.warn("%s: its run (execution %d) is %s; stopping this partition at a chunk boundary"
				.formatted(stepExecution.getStepName(), jobExecutionId, status));
			// the step records itself STOPPED once it sees this
			stepExecution.setTerminateOnly();
			throw new JobInterruptedException("Run " + jobExecutionId + " is " + status);
		}
	}

}
