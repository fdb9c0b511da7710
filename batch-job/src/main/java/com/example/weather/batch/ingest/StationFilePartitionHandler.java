package com.example.weather.batch.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepHolder;

/**
 * Runs the file partitions on threads of this process, each as soon as its step execution exists.
 * <p>
 * Spring Batch's {@code TaskExecutorPartitionHandler} first creates the step executions of all partitions, each in
 * transactions of its own, and only then starts the first: every file of a full load waited for all of them. Here
 * the job's own thread goes on creating them ({@link StationOrderSplitter}) while the partition threads already
 * load the first files.
 * <p>
 * If creating one fails (the database went away), the partitions already handed out still run to their end, so that
 * none is left in the job repository as started but never run, and the failure then fails the step: a restart
 * resumes from what completed.
 */
public class StationFilePartitionHandler implements PartitionHandler, StepHolder {

	private final Step step;

	private final int concurrency;

	private final String threadNamePrefix;

	public StationFilePartitionHandler(Step step, int concurrency, String threadNamePrefix) {
		this.step = step;
		this.concurrency = concurrency;
		this.threadNamePrefix = threadNamePrefix;
	}

	@Override
	public Step getStep() {
		return this.step;
	}

	@Override
	public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStep)
			throws Exception {
		if (!(splitter instanceof StationOrderSplitter stationOrder)) {
			throw new IllegalStateException("Partitions are created by a StationOrderSplitter, not " + splitter);
		}
		List<Future<StepExecution>> partitions = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(this.concurrency,
				Thread.ofPlatform().name(this.threadNamePrefix, 1).factory())) {
			stationOrder.split(managerStep, this.concurrency, (partition) -> partitions.add(threads.submit(() -> {
				this.step.execute(partition);
				return partition;
			})));
		}
		// closing the threads waited for every partition handed out
		List<StepExecution> executed = new ArrayList<>(partitions.size());
		for (Future<StepExecution> partition : partitions) {
			executed.add(partition.get());
		}
		return executed;
	}

}
