package com.example.weather.batch.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.weather.batch.IngestJobTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class StationOrderSplitterIntegrationTests extends IngestJobTestSupport {

	@Test
	void givenManyFiles_whenSplit_thenThePartitionsAreHandedOutInStationOrder() throws Exception {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int station = 40; station >= 1; station--) {
			partitions.put("STATION%02d.txt".formatted(station), new ExecutionContext());
		}
		JobParameters parameters = new JobParametersBuilder().addString("test", "split").toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance("splitTest", parameters);
		JobExecution job = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		StepExecution manager = this.jobRepository.createStepExecution("ingestFiles", job);

		List<String> order = new StationOrderSplitter(this.jobRepository, "ingestFile", (gridSize) -> partitions)
			.split(manager, 2)
			.stream()
			.map(StepExecution::getStepName)
			.toList();

		assertThat(order).hasSize(40).isSorted().startsWith("ingestFile:STATION01.txt");
	}

}
