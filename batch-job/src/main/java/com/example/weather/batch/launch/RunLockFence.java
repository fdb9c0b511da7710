package com.example.weather.batch.launch;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stops a run that has lost its run lock from writing anything more: at most one run writes at any moment, even
 * when a lock dies with its connection while its process lives on.
 * <p>
 * When a job execution starts, the token of the lock this process holds goes into the job execution context (key
 * {@value #TOKEN_KEY}), where any process working for that execution can read it. Each unit of work that writes
 * (a chunk, a statistics partition) calls {@link #check} first, inside its own transaction: it takes the fence key
 * shared until the transaction ends, then checks that the session named by the token still holds the lock. See
 * {@link IngestRunLock} for the other half: a run taking the lock over waits for the chunks in flight.
 */
public class RunLockFence implements JobExecutionListener {

	public static final String TOKEN_KEY = "ingest.run-lock";

	private final IngestRunLock runLock;

	private final JobRepository jobRepository;

	private final JdbcTemplate jdbcTemplate;

	public RunLockFence(IngestRunLock runLock, JobRepository jobRepository, JdbcTemplate jdbcTemplate) {
		this.runLock = runLock;
		this.jobRepository = jobRepository;
		this.jdbcTemplate = jdbcTemplate;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		IngestRunLock.Held held = this.runLock.held();
		if (held != null && held.token() != null) {
			jobExecution.getExecutionContext().putString(TOKEN_KEY, held.token());
			this.jobRepository.updateExecutionContext(jobExecution);
		}
	}

	/**
	 * Throws {@link RunLockLostException} unless the run of {@code jobExecution} still holds its lock. Call it in the
	 * transaction of the work it guards, before that work writes.
	 */
	public void check(JobExecution jobExecution) {
		String token = jobExecution.getExecutionContext().getString(TOKEN_KEY, null);
		if (token == null) {
			return;
		}
		this.jdbcTemplate.queryForObject(LaunchSql.WAIT_FOR_LOCK_SHARED_IN_TRANSACTION, Long.class,
				IngestRunLock.FENCE_KEY);
		if (!Boolean.TRUE.equals(this.jdbcTemplate.queryForObject(LaunchSql.HELD_BY_TOKEN, Boolean.class,
				IngestRunLock.KEY >>> 32, IngestRunLock.KEY & 0xFFFFFFFFL, token))) {
			throw new RunLockLostException(token);
		}
	}

}
