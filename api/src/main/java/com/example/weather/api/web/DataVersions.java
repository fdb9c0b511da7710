package com.example.weather.api.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.Supplier;

import com.example.weather.api.ApiProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The versions responses are cached by. Observations, statistics and stations change only when a load completes,
 * so their version is the newest completed execution of the ingest job. The job history changes with every
 * execution and step update, so it has its own version.
 * <p>
 * Both are read at most once per {@code weather.api.data-version-ttl}, so that they cost no query per request.
 */
@Component
public class DataVersions {

	private static final String LAST_COMPLETED_LOAD = """
			SELECT e.JOB_EXECUTION_ID, e.END_TIME
			FROM BATCH_JOB_EXECUTION e
			JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
			WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED'
			ORDER BY e.END_TIME DESC, e.JOB_EXECUTION_ID DESC
			LIMIT 1""";

	private static final String JOB_HISTORY_CHANGE = """
			SELECT (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION) AS last_execution,
			       (SELECT MAX(LAST_UPDATED) FROM BATCH_JOB_EXECUTION)    AS job_updated,
			       (SELECT MAX(LAST_UPDATED) FROM BATCH_STEP_EXECUTION)   AS step_updated""";

	private final JdbcTemplate jdbcTemplate;

	private final String jobName;

	private final Memo lastLoad;

	private final Memo jobHistory;

	public DataVersions(JdbcTemplate jdbcTemplate, ApiProperties properties) {
		this.jdbcTemplate = jdbcTemplate;
		this.jobName = properties.jobName();
		this.lastLoad = new Memo(properties.dataVersionTtl(), this::readLastLoad);
		this.jobHistory = new Memo(properties.dataVersionTtl(), this::readJobHistory);
	}

	/** The newest completed load: the version of observations, statistics and stations. */
	public DataVersion lastLoad() {
		return this.lastLoad.get();
	}

	/** The state of the job repository: the version of the job history and its rejects. */
	public DataVersion jobHistory() {
		return this.jobHistory.get();
	}

	private DataVersion readLastLoad() {
		return this.jdbcTemplate.query(LAST_COMPLETED_LOAD, (rs) -> {
			if (!rs.next()) {
				return DataVersion.NONE;
			}
			long id = rs.getLong(1);
			LocalDateTime end = toLocal(rs.getTimestamp(2));
			return new DataVersion("load-" + id + "-" + millis(rs.getTimestamp(2)), id, end);
		}, this.jobName);
	}

	private DataVersion readJobHistory() {
		return this.jdbcTemplate.queryForObject(JOB_HISTORY_CHANGE, (rs, row) -> {
			long last = rs.getLong(1);
			if (rs.wasNull()) {
				return DataVersion.NONE;
			}
			return new DataVersion("jobs-" + last + "-" + millis(rs.getTimestamp(2)) + "-" + millis(rs.getTimestamp(3)),
					last, toLocal(rs.getTimestamp(2)));
		});
	}

	private static long millis(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.getTime() : 0;
	}

	private static LocalDateTime toLocal(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
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
