package com.example.weather.batch.ingest;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records rejected lines in {@code ingest_reject}, in the chunk's transaction, so that a rejected line is never
 * lost and never recorded twice.
 */
public class RejectLog {

	private static final int MAX_LINE_LENGTH = 1000;

	private static final String INSERT = """
			INSERT INTO ingest_reject (job_execution_id, file_name, line_number, line, reason_code, reason)
			VALUES (?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbcTemplate;

	public RejectLog(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	public void record(List<RejectedLine> rejects, long jobExecutionId) {
		if (rejects.isEmpty()) {
			return;
		}
		this.jdbcTemplate.batchUpdate(INSERT, rejects, rejects.size(), (statement, reject) -> {
			String line = reject.line().text();
			statement.setLong(1, jobExecutionId);
			statement.setString(2, reject.line().fileName());
			statement.setLong(3, reject.line().lineNumber());
			statement.setString(4, (line.length() > MAX_LINE_LENGTH) ? line.substring(0, MAX_LINE_LENGTH) : line);
			statement.setString(5, reject.reason().name());
			statement.setString(6, reject.describe());
		});
	}

}
