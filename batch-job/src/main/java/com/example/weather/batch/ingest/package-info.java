/**
 * The {@code ingestFile} step: station files found and partitioned, read line by line (gzip or plain, local or S3),
 * validated into observations or rejected lines, and upserted into {@code weather_observation} with the
 * station-years they changed noted in {@code ingest_touched_year}; rejects go to {@code ingest_reject}, each file's
 * fingerprint to {@code ingest_file}, and the run's report to the log and the job's execution context. All its SQL
 * is in {@code IngestSql}.
 * <p>
 * May use Spring Batch, JDBC and the PostgreSQL driver, the S3 client, {@code launch/} (the run-lock fence) and
 * {@code partitioning/} (which process ran a partition).
 */
package com.example.weather.batch.ingest;
