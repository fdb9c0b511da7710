package com.example.weather.batch.ingest;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Hands the file partitions to the threads in station order, not in the order of a hash set.
 * <p>
 * Rows are keyed on (station, date), and PostgreSQL inserts a key at the right end of a B-tree index without
 * searching it from the root. In station order, most files of a first load append to the end of the primary key
 * index; in hash order, every row of every file was inserted into its middle.
 */
public class StationOrderSplitter extends SimpleStepExecutionSplitter {

	public StationOrderSplitter(JobRepository jobRepository, String stepName, Partitioner partitioner) {
		super(jobRepository, stepName, partitioner);
	}

	@Override
	public Set<StepExecution> split(StepExecution stepExecution, int gridSize) throws JobExecutionException {
		Set<StepExecution> inOrder = new LinkedHashSet<>();
		super.split(stepExecution, gridSize).stream()
			.sorted(Comparator.comparing(StepExecution::getStepName))
			.forEach(inOrder::add);
		return inOrder;
	}

}
