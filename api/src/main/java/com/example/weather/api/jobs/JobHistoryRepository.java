package com.example.weather.api.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.weather.api.web.ListQuery;
import com.example.weather.api.web.PageRequest;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the Spring Batch job repository and {@code ingest_reject} ({@link JobQueries}). A page of executions
 * costs three queries whatever its size: the executions, then the parameters and the steps of all of them.
 */
@Repository
class JobHistoryRepository {

	private static final RowMapper<RejectedLine> REJECT_MAPPER = (rs, row) -> new RejectedLine(rs.getLong(1),
			rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6));

	/** Spring Batch names a partition's step {@code <step>:<partition>}. */
	private static final char PARTITION_SEPARATOR = ':';

	private final NamedParameterJdbcTemplate jdbcTemplate;

	private final JobQueries queries;

	private final ListQuery<String, ExecutionRow> executions;

	private final ListQuery<Long, RejectedLine> rejects;

	private final FailureDescriptions failureDescriptions;

	JobHistoryRepository(NamedParameterJdbcTemplate jdbcTemplate, JobQueries queries,
			FailureDescriptions failureDescriptions) {
		this.jdbcTemplate = jdbcTemplate;
		this.queries = queries;
		this.executions = queries.executions((rs, row) -> execution(rs));
		this.rejects = queries.rejects(REJECT_MAPPER);
		this.failureDescriptions = failureDescriptions;
	}

	/** One more execution than the page, when there is one, each with its parameters and the job's own steps. */
	List<JobExecutionSummary> findPage(String status, PageRequest page) {
		List<ExecutionRow> executions = this.executions.page(this.jdbcTemplate, status, page);
		return withDetails(described(executions), false).stream().map(JobExecutionDetails::execution).toList();
	}

	Optional<JobExecutionDetails> findById(long executionId) {
		List<ExecutionRow> executions = this.jdbcTemplate.query(this.queries.execution,
				Map.of("execution_id", executionId), (rs, row) -> execution(rs));
		return withDetails(described(executions), true).stream().findFirst();
	}

	boolean exists(long executionId) {
		return this.jdbcTemplate.queryForObject(this.queries.executionExists, Map.of("execution_id", executionId),
				Long.class) > 0;
	}

	long count(String status) {
		return this.executions.count(this.jdbcTemplate, status);
	}

	static List<String> cursorKey(JobExecutionSummary execution) {
		return List.of(String.valueOf(execution.executionId()));
	}

	/** One more reject than the page, when there is one. */
	List<RejectedLine> findRejects(long executionId, PageRequest page) {
		return this.rejects.page(this.jdbcTemplate, executionId, page);
	}

	long countRejects(long executionId) {
		return this.rejects.count(this.jdbcTemplate, executionId);
	}

	static List<String> cursorKey(RejectedLine reject) {
		return List.of(String.valueOf(reject.rejectId()));
	}

	private List<JobExecutionDetails> withDetails(List<ExecutionRow> executions, boolean withPartitions) {
		if (executions.isEmpty()) {
			return List.of();
		}
		Map<String, Object> ids = Map.of("ids", executions.stream().map(ExecutionRow::id).toList());
		Map<Long, List<JobParameter>> parameters = new HashMap<>();
		this.jdbcTemplate.query(this.queries.parameters, ids, (rs) -> {
			parameters.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new JobParameter(rs.getString(2), rs.getString(3), rs.getString(4),
						"Y".equalsIgnoreCase(rs.getString(5))));
		});
		Map<Long, List<StepExecutionCounts>> steps = new LinkedHashMap<>();
		Map<Long, List<StepExecutionCounts>> partitions = new LinkedHashMap<>();
		this.jdbcTemplate.query(this.queries.steps, ids, (rs) -> {
			StepExecutionCounts step = step(rs);
			boolean partition = step.stepName().indexOf(PARTITION_SEPARATOR) >= 0;
			(partition ? partitions : steps).computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(step);
		});
		return executions.stream()
			.map((e) -> new JobExecutionDetails(
					e.toSummary(parameters.getOrDefault(e.id(), List.of()), steps.getOrDefault(e.id(), List.of())),
					withPartitions ? partitions.getOrDefault(e.id(), List.of()) : null))
			.toList();
	}

	/** The executions with their exit description told in one line (see {@link FailureDescriptions}). */
	private List<ExecutionRow> described(List<ExecutionRow> executions) {
		Map<Long, String> exitMessages = new LinkedHashMap<>();
		executions.forEach((e) -> exitMessages.put(e.id(), e.exitMessage()));
		Map<Long, String> descriptions = this.failureDescriptions.describe(exitMessages);
		return executions.stream()
			.map((e) -> new ExecutionRow(e.id(), e.instanceId(), e.jobName(), e.status(), e.exitCode(),
					descriptions.get(e.id()), e.createTime(), e.startTime(), e.endTime()))
			.toList();
	}

	private static ExecutionRow execution(ResultSet rs) throws SQLException {
		return new ExecutionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), local(rs.getTimestamp(7)), local(rs.getTimestamp(8)), local(rs.getTimestamp(9)));
	}

	private static StepExecutionCounts step(ResultSet rs) throws SQLException {
		long readSkips = rs.getLong("READ_SKIP_COUNT");
		long processSkips = rs.getLong("PROCESS_SKIP_COUNT");
		long writeSkips = rs.getLong("WRITE_SKIP_COUNT");
		return new StepExecutionCounts(rs.getLong("STEP_EXECUTION_ID"), rs.getString("STEP_NAME"),
				rs.getString("STATUS"), rs.getString("EXIT_CODE"), local(rs.getTimestamp("START_TIME")),
				local(rs.getTimestamp("END_TIME")), rs.getLong("READ_COUNT"), rs.getLong("WRITE_COUNT"),
				rs.getLong("FILTER_COUNT"), readSkips + processSkips + writeSkips, readSkips, processSkips, writeSkips,
				rs.getLong("COMMIT_COUNT"), rs.getLong("ROLLBACK_COUNT"));
	}

	private static LocalDateTime local(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

	private record ExecutionRow(long id, long instanceId, String jobName, String status, String exitCode,
			String exitMessage, LocalDateTime createTime, LocalDateTime startTime, LocalDateTime endTime) {

		JobExecutionSummary toSummary(List<JobParameter> parameters, List<StepExecutionCounts> steps) {
			return new JobExecutionSummary(this.id, this.instanceId, this.jobName, this.status, this.exitCode,
					this.exitMessage, this.createTime, this.startTime, this.endTime, parameters, steps);
		}

	}

}
