/**
 * The job's metrics: rows read, written and rejected, how long a run took and how it ended, measured by a listener
 * on the job and published through the shared CloudWatch registry ({@code com.example.weather.metrics}) when
 * switched on.
 * <p>
 * May use Micrometer, Spring Batch's listener interfaces and {@code com.example.weather.metrics}; nothing else of
 * the job but the count keys {@code ingest.ObservationWriter} leaves in a step's context.
 */
package com.example.weather.batch.metrics;
