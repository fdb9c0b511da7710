package com.example.weather.api.jobs;

/**
 * Which partitions of a run a request wants: those of an execution, with a status or all.
 */
record PartitionFilter(long executionId, String status) {

}
