/**
 * The ingest job, start to end:
 * <ol>
 * <li>{@code launch/}: the command line is checked, the run lock taken, executions a dead process left are
 * recovered, and {@code weatherIngestJob} started (or restarted) for {@code run.date};</li>
 * <li>{@code ingestFiles} ({@code ingest/}): one partition per station file; each reads, validates and upserts its
 * lines and records rejects; a new station's yearly statistics are summed up and written with its rows, an existing
 * station's changed years are noted;</li>
 * <li>{@code refreshYearlyStats} ({@code stats/}): one partition per range of stations recomputes the yearly
 * statistics of the noted station-years;</li>
 * <li>the report, the metrics ({@code metrics/}) and the exit code say how the night went.</li>
 * </ol>
 * Partitions run on local threads or, with {@code ingest.partitioning=remote}, on workers ({@code partitioning/}).
 * This package holds the job's configuration, its settings and the application; it may use every package below.
 */
package com.example.weather.batch;
