/**
 * The ingest job's history, read from the Spring Batch job repository (the {@code BATCH_*} tables, or those of the
 * prefix the job is configured with) and {@code ingest_reject}: raw job executions and their steps, the ingest runs
 * as an operator reads them (totals, partitions with the process that ran each, why a run failed, the command that
 * reruns it), and the data versions the job repository tells. Every query of it is in {@code JobQueries}.
 * <p>
 * May use JDBC and {@code web/}; reads the job's tables and execution contexts but never the job's code.
 */
package com.example.weather.api.jobs;
