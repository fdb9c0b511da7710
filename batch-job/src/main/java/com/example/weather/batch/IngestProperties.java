package com.example.weather.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ingest job, bound from {@code ingest.*} (environment: {@code INGEST_*}).
 *
 * @param input where the station files are: a folder ending in {@code /} or a resource pattern, on disk
 * ({@code file:}), on the classpath, or on S3 ({@code s3://bucket/prefix/}); the bundled sample without a profile
 * (application.yml), required with any other
 * @param concurrency how many files load at once
 * @param chunkSize lines per transaction
 * @param rejectLimit rejected lines a run tolerates before it fails
 * @param progressInterval how often a long run logs its progress
 * @param stopTimeout how long a SIGTERM waits for the running chunks to finish and the job to record itself as
 * stopped; keep it under the container's stop timeout (ECS: 30 s by default)
 * @param synchronousCommit on PostgreSQL, whether each commit waits for its WAL to reach disk; off by default, see
 * {@link AsynchronousCommit}
 * @param databaseOutageTimeout how long a run that fails on a database outage (a dropped connection, a failover,
 * refused connections) keeps running again, in the same process, before it gives up; see
 * {@link com.example.weather.batch.launch.IngestLauncher}
 */
@ConfigurationProperties("ingest")
public record IngestProperties(String input,
		@DefaultValue("2") int concurrency, @DefaultValue("20000") int chunkSize,
		@DefaultValue("1000") long rejectLimit, @DefaultValue("10s") Duration progressInterval,
		@DefaultValue("25s") Duration stopTimeout,
		@DefaultValue("false") boolean synchronousCommit, @DefaultValue("3m") Duration databaseOutageTimeout) {

	public IngestProperties {
		if (concurrency < 1) {
			throw new IllegalArgumentException("ingest.concurrency must be at least 1, was " + concurrency);
		}
		if (chunkSize < 1) {
			throw new IllegalArgumentException("ingest.chunk-size must be at least 1, was " + chunkSize);
		}
		if (rejectLimit < 0) {
			throw new IllegalArgumentException("ingest.reject-limit must not be negative, was " + rejectLimit);
		}
	}

}
