package com.example.weather.batch.launch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobExecutionShutdownHook;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Turns SIGTERM (ECS stopping a task, a Fargate Spot interruption) into a clean stop: while a job runs, a JVM
 * shutdown hook asks the job operator to stop it, which the running chunks notice at their next boundary, and
 * then waits, up to {@code ingest.stop-timeout}, until the launcher's call to the job operator has returned, that
 * is until the job has recorded its final status. A rerun with the same {@code run.date} then resumes where it
 * stopped. (The repository cannot be polled for that: {@code JobOperator.stop} records STOPPED at once, while
 * the chunks are still running.)
 * <p>
 * Spring's own shutdown hook is switched off in {@code WeatherIngestApplication}: it would close the data source
 * under the chunks still committing.
 */
public class StopOnShutdown implements JobExecutionListener {

	private static final Log logger = LogFactory.getLog(StopOnShutdown.class);

	private final JobOperator jobOperator;

	private final Duration timeout;

	private volatile Thread hook;

	private volatile CountDownLatch ended = new CountDownLatch(0);

	public StopOnShutdown(JobOperator jobOperator, Duration timeout) {
		this.jobOperator = jobOperator;
		this.timeout = timeout;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.ended = new CountDownLatch(1);
		this.hook = new StopAndWait(jobExecution);
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	/** Called once the job operator has returned: the job's final status is in the repository. */
	public void jobEnded() {
		Thread hook = this.hook;
		if (hook == null) {
			return;
		}
		this.hook = null;
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException shutdownInProgress) {
			// the hook is running and waits for the latch below
		}
		this.ended.countDown();
	}

	private final class StopAndWait extends JobExecutionShutdownHook {

		private final long executionId;

		StopAndWait(JobExecution jobExecution) {
			super(jobExecution, StopOnShutdown.this.jobOperator);
			this.executionId = jobExecution.getId();
			setName("ingest-stop-on-shutdown");
		}

		@Override
		public void run() {
			super.run();
			try {
				if (StopOnShutdown.this.ended.await(StopOnShutdown.this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					logger.info("Job execution " + this.executionId
							+ " stopped at a chunk boundary; rerun the same run.date to resume it");
				}
				else {
					logger.warn("Job execution " + this.executionId + " did not stop within "
							+ StopOnShutdown.this.timeout + "; the next run will find it dead and recover it");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
