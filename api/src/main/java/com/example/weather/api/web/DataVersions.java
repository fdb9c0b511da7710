package com.example.weather.api.web;

import java.time.Duration;
import java.util.function.Supplier;

import com.example.weather.api.ApiProperties;

import org.springframework.stereotype.Component;

/**
 * The versions responses are cached by. Observations, statistics and stations change only when a load completes,
 * so their version is the newest completed execution of the ingest job. The job history changes with every
 * execution and step update, so it has its own version.
 * <p>
 * Both are read (by the {@link DataVersionReader}, from the job repository) at most once per
 * {@code weather.api.data-version-ttl}, so that they cost no query per request.
 */
@Component
public class DataVersions {

	private final Memo lastLoad;

	private final Memo jobHistory;

	public DataVersions(DataVersionReader reader, ApiProperties properties) {
		this.lastLoad = new Memo(properties.dataVersionTtl(), reader::lastLoad);
		this.jobHistory = new Memo(properties.dataVersionTtl(), reader::jobHistory);
	}

	/** The newest completed load: the version of observations, statistics and stations. */
	public DataVersion lastLoad() {
		return this.lastLoad.get();
	}

	/** The state of the job repository: the version of the job history and its rejects. */
	public DataVersion jobHistory() {
		return this.jobHistory.get();
	}

	/** A value read again once it is older than its time to live. Failures are not remembered. */
	private static final class Memo {

		private final long ttlNanos;

		private final Supplier<DataVersion> reader;

		private volatile DataVersion value;

		private volatile long readAt;

		Memo(Duration ttl, Supplier<DataVersion> reader) {
			this.ttlNanos = ttl.toNanos();
			this.reader = reader;
		}

		DataVersion get() {
			DataVersion current = this.value;
			if (current != null && System.nanoTime() - this.readAt < this.ttlNanos) {
				return current;
			}
			// concurrent requests after expiry may each read once; cheaper than making them wait on a lock
			DataVersion fresh = this.reader.get();
			this.readAt = System.nanoTime();
			this.value = fresh;
			return fresh;
		}

	}

}
