/**
 * Remote partitioning: the job's two partitioned steps ({@code ingestFiles}, {@code refreshYearlyStats}) sent as
 * Spring Batch {@code StepExecutionRequest}s over RabbitMQ to worker processes running the same jar
 * ({@code ingest.worker=true}), with the partition protocol, the step executions and the restart bookkeeping left to
 * Spring Batch (spring-batch-integration). Also what both modes share: which process ran a partition
 * ({@link com.example.weather.batch.partitioning.WorkerIdentity}) and the check, at each chunk boundary, that the
 * run a partition belongs to is still running ({@link com.example.weather.batch.partitioning.RunFence}), whose SQL,
 * on the job repository's tables, is in {@code PartitioningSql}.
 */
package com.example.weather.batch.partitioning;
