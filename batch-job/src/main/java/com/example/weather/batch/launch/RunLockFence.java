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
 * {@link IngestRunLock} for the other half: a run taking the lock over waits for the chunks in flight, and
 * {@link TakenOverExecutionRecords} for how the run that lost the lock records its end.
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
		if (!heldBy(token)) {
			throw new RunLockLostException(token);
		}
	}

	/**
	 * Whether the run of {@code jobExecution} has lost its lock while this process, which works for that run, does
	 * not hold the lock either: true in the run that lost it and in its workers, false in a run that took the lock
	 * over, and where runs take no lock (H2).
	 */
	public boolean lostLock(JobExecution jobExecution) {
		String token = jobExecution.getExecutionContext().getString(TOKEN_KEY, null);
		if (token == null || heldBy(token)) {
			return false;
		}
		IngestRunLock.Held ours = this.runLock.held();
		return ours == null || ours.token() == null || !heldBy(ours.token());
	}

	private boolean heldBy(String token) {
		return Boolean.TRUE.equals(this.jdbcTemplate.queryForObject(LaunchSql.HELD_BY_TOKEN, Boolean.class,
				IngestRunLock.KEY >>> 32, IngestRunLock.KEY & 0xFFFFFFFFL, token));
	}

}
