package com.example.weather.batch.ingest;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records rejected lines in {@code ingest_reject}, in the chunk's transaction, so that a rejected line is never
 * lost and never recorded twice. Whatever a line holds, its reject can be written: the line is kept up to
 * {@link ObservationLine#MAX_LENGTH} characters ({@code line_truncated} and {@code line_length} say when it was
 * cut), the reason up to its column's width, and NUL characters, which PostgreSQL refuses in text, are written as
 * {@code ␀} (U+2400).
 */
public class RejectLog {

	private static final int MAX_REASON_LENGTH = 500;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate ownTransaction;

	public RejectLog(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
		this.jdbcTemplate = jdbcTemplate;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public void record(List<RejectedLine> rejects, long jobExecutionId) {
		if (rejects.isEmpty()) {
			return;
		}
		this.jdbcTemplate.batchUpdate(IngestSql.INSERT_REJECT, rejects, rejects.size(), (statement, reject) -> {
			ObservationLine line = reject.line();
			String kept = bounded(line.text(), ObservationLine.MAX_LENGTH);
			statement.setLong(1, jobExecutionId);
			statement.setString(2, line.fileName());
			statement.setLong(3, line.lineNumber());
			statement.setString(4, kept);
			statement.setBoolean(5, line.length() > kept.length());
			statement.setLong(6, line.length());
			statement.setString(7, reject.reason().name());
			statement.setString(8, bounded(reject.describe(), MAX_REASON_LENGTH));
		});
	}

	/**
	 * Records rejects in a transaction of their own, committed whatever becomes of the chunk's: for the rejects up to
	 * the limit of a chunk that fails because it crossed it.
	 */
	public void recordApart(List<RejectedLine> rejects, long jobExecutionId) {
		this.ownTransaction.executeWithoutResult((status) -> record(rejects, jobExecutionId));
	}

	private static String bounded(String text, int length) {
		String kept = (text.length() > length) ? text.substring(0, length) : text;
		return (kept.indexOf('\0') >= 0) ? kept.replace('\0', '\u2400') : kept;
	}

}
