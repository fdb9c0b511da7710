package com.example.weather.batch.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.example.weather.batch.launch.RunLockLostException;
import com.example.weather.batch.partitioning.WorkerIdentity;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * What the run tells its operator: start and end, a line per file with its counts, a progress line every
 * {@code ingest.progress-interval} while files load, and the totals, which also go into the job execution context
 * for the API and for DBAs.
 */
public class IngestReport implements JobExecutionListener, StepExecutionListener {

	private static final Log logger = LogFactory.getLog(IngestReport.class);

	private final IngestProgress progress;

	private final JobRepository jobRepository;

	private final Duration interval;

	private ScheduledExecutorService ticker;

	public IngestReport(IngestProgress progress, JobRepository jobRepository, Duration interval) {
		this.progress = progress;
		this.jobRepository = jobRepository;
		this.interval = interval;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.progress.begin();
		logger.info("Run %s (execution %d) started at %s".formatted(describe(jobExecution),
				jobExecution.getId(), jobExecution.getStartTime()));
		this.ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "ingest-progress");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.ticker.scheduleAtFixedRate(() -> logger.info("Progress: " + this.progress.summary()), millis, millis,
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Called for each file's step: one line, and for a file that failed, one line that says why (Spring Batch's own
	 * stack traces per step and per chunk are switched off in application.yml).
	 */
	@Override
	public ExitStatus afterStep(StepExecution step) {
		this.progress.fileDone();
		ExecutionContext context = step.getExecutionContext();
		String line = "%s: %s, %,d lines read, %,d inserted, %,d updated, %,d unchanged, %,d rejected, %,d blank, by %s"
			.formatted(context.getString(FileStepContext.FILE_NAME, step.getStepName()), step.getStatus(),
					step.getReadCount(), context.getLong(FileStepContext.INSERTED, 0),
					context.getLong(FileStepContext.UPDATED, 0), context.getLong(FileStepContext.UNCHANGED, 0),
					context.getLong(FileStepContext.REJECTED, 0), step.getFilterCount(),
					context.getString(WorkerIdentity.KEY, "this process"));
		if (step.getFailureExceptions().isEmpty()) {
			logger.info(line);
		}
		else {
			logger.error(line + ": " + reason(step.getFailureExceptions().get(0)));
		}
		return null;
	}

	/**
	 * Why a step failed, in one line: the message of a failure the job describes itself (a file that cannot be read,
	 * too many rejects, a lost run lock), otherwise the innermost cause.
	 */
	public static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StationFileException || cause instanceof RejectLimitExceededException
					|| cause instanceof RunLockLostException) {
				return cause.getMessage();
			}
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return root.getClass().getSimpleName() + ": "
				+ String.valueOf(root.getMessage()).lines().findFirst().orElse("");
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		this.ticker.shutdownNow();
		long[] totals = new long[FileStepContext.COUNTS.length];
		int files = 0;
		for (StepExecution step : jobExecution.getStepExecutions()) {
			if (step.getExecutionContext().containsKey(FileStepContext.FILE_NAME)) {
				files++;
				for (int i = 0; i < FileStepContext.COUNTS.length; i++) {
					totals[i] += step.getExecutionContext().getLong(FileStepContext.COUNTS[i], 0);
				}
			}
		}
		for (int i = 0; i < FileStepContext.COUNTS.length; i++) {
			jobExecution.getExecutionContext().putLong(FileStepContext.COUNTS[i], totals[i]);
		}
		// the job saves its status after this listener, but not its context
		this.jobRepository.updateExecutionContext(jobExecution);
		int failedFiles = 0;
		for (StepExecution step : jobExecution.getStepExecutions()) {
			if (step.getFailureExceptions().isEmpty()) {
				continue;
			}
			if (step.getExecutionContext().containsKey(FileStepContext.FILE_NAME)) {
				failedFiles++;
			}
			else if (!isPartitionsFailed(step.getFailureExceptions().get(0))) {
				// the files' steps said why already; the others (listing the files, statistics) say it here
				logger.error(step.getStepName() + ": " + step.getStatus() + ": "
						+ reason(step.getFailureExceptions().get(0)));
			}
		}
		LocalDateTime start = jobExecution.getStartTime();
		Duration took = (start != null) ? Duration.between(start, LocalDateTime.now()) : Duration.ZERO;
		logger.info(("Run %s (execution %d) ended %s at %s after %.1fs: %d files read in this execution, "
				+ "%,d inserted, %,d updated, %,d unchanged, %,d rejected%s")
			.formatted(describe(jobExecution), jobExecution.getId(), jobExecution.getStatus(),
					LocalDateTime.now(), took.toMillis() / 1000.0, files, totals[0], totals[1], totals[2],
					totals[3], (failedFiles > 0) ? "; failed files: %d, each said why above".formatted(failedFiles) : ""));
	}

	// a partitioned step fails when one of its partitions does, which has said why
	private static boolean isPartitionsFailed(Throwable failure) {
		return failure instanceof JobExecutionException
				&& String.valueOf(failure.getMessage()).startsWith("Partition handler returned an unsuccessful step");
	}

	private static String describe(JobExecution jobExecution) {
		StringBuilder parameters = new StringBuilder();
		jobExecution.getJobParameters()
			.forEach((parameter) -> parameters.append(parameters.isEmpty() ? "" : ", ")
				.append(parameter.name())
				.append('=')
				.append(parameter.value()));
		return parameters.toString();
	}

}
