/**
 * The ingest job's history, read from the Spring Batch job repository ({@code BATCH_*} tables) and
 * {@code ingest_reject}: raw job executions and their steps, and the ingest runs as an operator reads them (totals,
 * partitions with the process that ran each, why a run failed, the command that reruns it).
 * <p>
 * May use JDBC and {@code web/}; reads the job's tables and execution contexts but never the job's code.
 */
package com.example.weather.api.jobs;
