package com.example.weather.batch.ingest;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Hands the file partitions out in station order, not in the order of a hash set, and one at a time as their step
 * executions are created.
 * <p>
 * Rows are keyed on (station, date), and PostgreSQL inserts a key at the right end of a B-tree index without
 * searching it from the root. In station order, most files of a first load append to the end of the primary key
 * index; in hash order, every row of every file was inserted into its middle.
 * <p>
 * Which partitions run, and with what context on a restart (a completed file is skipped, a failed one resumes), is
 * decided by Spring Batch's own {@link SimpleStepExecutionSplitter}, asked about one partition at a time.
 */
public class StationOrderSplitter implements StepExecutionSplitter {

	private final JobRepository jobRepository;

	private final String stepName;

	private final Partitioner partitioner;

	public StationOrderSplitter(JobRepository jobRepository, String stepName, Partitioner partitioner) {
		this.jobRepository = jobRepository;
		this.stepName = stepName;
		this.partitioner = partitioner;
	}

	@Override
	public String getStepName() {
		return this.stepName;
	}

	@Override
	public Set<StepExecution> split(StepExecution managerStep, int gridSize) throws JobExecutionException {
		Set<StepExecution> inOrder = new LinkedHashSet<>();
		split(managerStep, gridSize, inOrder::add);
		return inOrder;
	}

	/**
	 * Creates the step executions of the partitions that are to run, in station order, and hands each to
	 * {@code created} as soon as it exists in the job repository.
	 */
	public void split(StepExecution managerStep, int gridSize, Consumer<StepExecution> created)
			throws JobExecutionException {
		Map<String, ExecutionContext> partitions = new TreeMap<>(this.partitioner.partition(gridSize));
		for (Map.Entry<String, ExecutionContext> partition : partitions.entrySet()) {
			Map<String, ExecutionContext> one = Map.of(partition.getKey(), partition.getValue());
			new SimpleStepExecutionSplitter(this.jobRepository, this.stepName, (size) -> one)
				.split(managerStep, gridSize)
				.forEach(created);
		}
	}

}
