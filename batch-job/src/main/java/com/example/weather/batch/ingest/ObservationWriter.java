package com.example.weather.batch.ingest;

import java.util.ArrayList;
import java.util.List;

import com.example.weather.batch.launch.RunLockFence;
import com.example.weather.batch.stats.YearlyTotals;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk: observations are upserted, rejects recorded, both in the chunk's transaction. Keeps the
 * partition's inserted, updated, unchanged and rejected counts in the step execution context, where they survive a
 * restart along with the data they describe.
 */
public class ObservationWriter implements ItemWriter<ValidatedLine>, ItemStream {

	private final ObservationUpsert upsert;

	private final RejectLog rejectLog;

	private final IngestProgress progress;

	private final RunLockFence fence;

	private final String stationId;

	private final JobExecution jobExecution;

	private final long jobExecutionId;

	private final long jobInstanceId;

	private final long rejectLimit;

	/** The running totals of a station that had no rows when this step opened; null for a station that had. */
	private YearlyTotals newStationTotals;

	private UpsertCounts counts = UpsertCounts.NONE;

	private long rejected;

	public ObservationWriter(ObservationUpsert upsert, RejectLog rejectLog, IngestProgress progress,
			RunLockFence fence, String stationId, JobExecution jobExecution, long rejectLimit) {
		this.upsert = upsert;
		this.rejectLog = rejectLog;
		this.progress = progress;
		this.fence = fence;
		this.stationId = stationId;
		this.jobExecution = jobExecution;
		this.jobExecutionId = jobExecution.getId();
		this.jobInstanceId = jobExecution.getJobInstance().getInstanceId();
		this.rejectLimit = rejectLimit;
	}

	@Override
	public void write(Chunk<? extends ValidatedLine> chunk) {
		// in the chunk's transaction, before it writes: a run that lost its lock writes nothing more
		this.fence.check(this.jobExecution);
		List<Observation> observations = new ArrayList<>(chunk.size());
		List<RejectedLine> rejects = new ArrayList<>();
		for (ValidatedLine line : chunk) {
			if (line instanceof Observation observation) {
				observations.add(observation);
			}
			else if (line instanceof RejectedLine reject) {
				rejects.add(reject);
			}
		}
		if (!rejects.isEmpty()) {
			long runTotal = this.progress.rejected(rejects.size());
			if (runTotal > this.rejectLimit) {
				// this chunk rolls back, but the rejects up to the limit stay recorded: they say what is wrong
				long before = runTotal - rejects.size();
				int kept = (int) Math.max(0, Math.min(rejects.size(), this.rejectLimit - before));
				this.rejectLog.recordApart(rejects.subList(0, kept), this.jobExecutionId);
				throw new RejectLimitExceededException(runTotal, this.rejectLimit);
			}
			this.rejectLog.record(rejects, this.jobExecutionId);
		}
		this.counts = this.counts.plus((this.newStationTotals != null)
				? this.upsert.insertNew(observations, this.jobExecutionId, this.newStationTotals)
				: this.upsert.merge(observations, this.jobExecutionId, this.jobInstanceId));
		this.rejected += rejects.size();
		this.progress.linesRead(chunk.size());
	}

	@Override
	public void open(ExecutionContext context) {
		// decided once per (re)start: a restarted first load already has rows, and merges from there on, its
		// statistics refreshed by the statistics step
		this.newStationTotals = this.upsert.hasRows(this.stationId) ? null : new YearlyTotals(this.stationId);
		this.counts = new UpsertCounts(context.getLong(FileStepContext.INSERTED, 0),
				context.getLong(FileStepContext.UPDATED, 0), context.getLong(FileStepContext.UNCHANGED, 0));
		this.rejected = context.getLong(FileStepContext.REJECTED, 0);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(FileStepContext.INSERTED, this.counts.inserted());
		context.putLong(FileStepContext.UPDATED, this.counts.updated());
		context.putLong(FileStepContext.UNCHANGED, this.counts.unchanged());
		context.putLong(FileStepContext.REJECTED, this.rejected);
	}

}
