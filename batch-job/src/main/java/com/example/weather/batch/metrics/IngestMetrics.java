package com.example.weather.batch.metrics;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import com.example.weather.batch.ingest.FileStepContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Records each run in every {@link MeterRegistry} of the application (none unless metrics are switched on): rows
 * read, written and rejected by the station files this execution loaded, how long the run took and how it ended.
 * The CloudWatch alarms are defined on these names and tags.
 */
public class IngestMetrics implements JobExecutionListener {

	public static final String ROWS_READ = "ingest.rows.read";

	public static final String ROWS_WRITTEN = "ingest.rows.written";

	public static final String ROWS_REJECTED = "ingest.rows.rejected";

	public static final String DURATION = "ingest.job.duration";

	public static final String RUNS = "ingest.job.runs";

	public static final String FAILURES = "ingest.job.failures";

	public static final String JOB_TAG = "job";

	public static final String STATUS_TAG = "status";

	private final ObjectProvider<MeterRegistry> registries;

	public IngestMetrics(ObjectProvider<MeterRegistry> registries) {
		this.registries = registries;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		List<MeterRegistry> targets = this.registries.orderedStream().toList();
		if (targets.isEmpty()) {
			return;
		}
		long read = 0;
		long written = 0;
		long rejected = 0;
		for (StepExecution step : jobExecution.getStepExecutions()) {
			ExecutionContext context = step.getExecutionContext();
			// only the per-file partitions, whose writer keeps these counts, load lines
			if (context.containsKey(FileStepContext.REJECTED)) {
				read += step.getReadCount();
				written += context.getLong(FileStepContext.INSERTED, 0) + context.getLong(FileStepContext.UPDATED, 0)
						+ context.getLong(FileStepContext.UNCHANGED, 0);
				rejected += context.getLong(FileStepContext.REJECTED, 0);
			}
		}
		String job = jobExecution.getJobInstance().getJobName();
		BatchStatus status = jobExecution.getStatus();
		LocalDateTime start = jobExecution.getStartTime();
		// the end time is only set after the listeners have run
		Duration took = (start != null) ? Duration.between(start, LocalDateTime.now()) : Duration.ZERO;
		for (MeterRegistry registry : targets) {
			Counter.builder(ROWS_READ).tag(JOB_TAG, job).register(registry).increment(read);
			Counter.builder(ROWS_WRITTEN).tag(JOB_TAG, job).register(registry).increment(written);
			Counter.builder(ROWS_REJECTED).tag(JOB_TAG, job).register(registry).increment(rejected);
			Timer.builder(DURATION).tag(JOB_TAG, job).tag(STATUS_TAG, status.name()).register(registry).record(took);
			Counter.builder(RUNS).tag(JOB_TAG, job).tag(STATUS_TAG, status.name()).register(registry).increment();
			// a separate counter with a fixed set of tags, so that the alarm on failures names one metric
			Counter failures = Counter.builder(FAILURES).tag(JOB_TAG, job).register(registry);
			if (status != BatchStatus.COMPLETED) {
				failures.increment();
			}
		}
	}

}
