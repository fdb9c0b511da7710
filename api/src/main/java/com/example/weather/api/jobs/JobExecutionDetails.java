package com.example.weather.api.jobs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One execution of a job, with every step, the per-file partitions included.
 */
@Schema(description = "One execution of a job, with its partitions")
public record JobExecutionDetails(@JsonUnwrapped JobExecutionSummary execution,
		@Schema(description = "one step per station file, ordered by step execution id") List<StepExecutionCounts> partitions) {

}
