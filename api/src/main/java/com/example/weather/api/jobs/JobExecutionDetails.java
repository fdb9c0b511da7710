package com.example.weather.api.jobs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One execution of a job, with every step, the partitions included.
 */
@Schema(description = "One execution of a job, with its partitions")
public record JobExecutionDetails(@JsonUnwrapped JobExecutionSummary execution,
		@Schema(description = "the partitions: one per station file (ingestFile:<file name>), then one per range of "
				+ "stations of the statistics (refreshStationStats:<first>..<last>), ordered by step execution id") List<StepExecutionCounts> partitions) {

}
