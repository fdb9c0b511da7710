package com.example.weather.batch.launch;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobExecutionShutdownHook;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Turns SIGTERM (ECS stopping a task, a Fargate Spot interruption) into a clean stop: while a job runs, a JVM
 * shutdown hook asks the job operator to stop it, which the running chunks notice at their next boundary, and
 * then waits, up to {@code ingest.stop-timeout}, until the job repository records the execution as ended. A rerun
 * with the same {@code run.date} then resumes where it stopped.
 * <p>
 * Spring's own shutdown hook is switched off in {@code WeatherIngestApplication}: it would close the data source
 * under the chunks still committing.
 */
public class StopOnShutdown implements JobExecutionListener {

	private static final Log logger = LogFactory.getLog(StopOnShutdown.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Duration timeout;

	private volatile Thread hook;

	public StopOnShutdown(JobOperator jobOperator, JobRepository jobRepository, Duration timeout) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.timeout = timeout;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.hook = new StopAndWait(jobExecution);
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException shutdownInProgress) {
			// the hook is running: it waits for this execution's final status
		}
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
			long deadline = System.nanoTime() + StopOnShutdown.this.timeout.toNanos();
			while (System.nanoTime() < deadline) {
				JobExecution execution = StopOnShutdown.this.jobRepository.getJobExecution(this.executionId);
				if (execution == null || !execution.getStatus().isRunning()) {
					logger.info("Job execution " + this.executionId + " ended as "
							+ ((execution != null) ? execution.getStatus() : "unknown") + "; rerun the same run.date to resume");
					return;
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			logger.warn("Job execution " + this.executionId + " did not stop within " + StopOnShutdown.this.timeout
					+ "; the next run will find it dead and recover it");
		}

	}

}
