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

import com.example.weather.api.web.Cursor;
import com.example.weather.api.web.ListQuery;
import com.example.weather.api.web.PageRequest;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the Spring Batch job repository ({@code BATCH_*} tables) and {@code ingest_reject}. A page of executions
 * costs three queries whatever its size: the executions, then the parameters and the steps of all of them.
 */
@Repository
class JobHistoryRepository {

	private static final String SELECT_EXECUTION = """
			SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE,
			       e.CREATE_TIME, e.START_TIME, e.END_TIME
			FROM BATCH_JOB_EXECUTION e
			JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
			WHERE e.JOB_EXECUTION_ID = :execution_id""";

	/** Executions, newest first. */
	private static final ListQuery<String, ExecutionRow> EXECUTIONS = ListQuery.<String, ExecutionRow>of("""
			SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE,
			       e.CREATE_TIME, e.START_TIME, e.END_TIME
			FROM BATCH_JOB_EXECUTION e
			JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
			{where}
			ORDER BY e.JOB_EXECUTION_ID DESC
			LIMIT :limit OFFSET :offset""", """
			SELECT COUNT(*)
			FROM BATCH_JOB_EXECUTION e
			{where}""", (rs, row) -> execution(rs))
		.filteredBy((status, where) -> where.and("e.STATUS = :status", "status", status))
		.startingAfter("e.JOB_EXECUTION_ID < :before_id", 1,
				(key) -> Map.of("before_id", Cursor.part(key.get(0), Long::valueOf)));

	private static final String PARAMETERS = """
			SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE, IDENTIFYING
			FROM BATCH_JOB_EXECUTION_PARAMS
			WHERE JOB_EXECUTION_ID IN (:ids)
			ORDER BY JOB_EXECUTION_ID, PARAMETER_NAME""";

	private static final String STEPS = """
			SELECT JOB_EXECUTION_ID, STEP_EXECUTION_ID, STEP_NAME, STATUS, EXIT_CODE, START_TIME, END_TIME,
			       READ_COUNT, WRITE_COUNT, FILTER_COUNT, READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT,
			       COMMIT_COUNT, ROLLBACK_COUNT
			FROM BATCH_STEP_EXECUTION
			WHERE JOB_EXECUTION_ID IN (:ids)
			ORDER BY JOB_EXECUTION_ID, STEP_EXECUTION_ID""";

	private static final String EXECUTION_EXISTS = """
			SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = :execution_id""";

	private static final RowMapper<RejectedLine> REJECT_MAPPER = (rs, row) -> new RejectedLine(rs.getLong(1),
			rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6));

	/** The lines an execution rejected, in the order it rejected them. */
	private static final ListQuery<Long, RejectedLine> REJECTS = ListQuery.<Long, RejectedLine>of("""
			SELECT reject_id, file_name, line_number, line, reason_code, reason
			FROM ingest_reject
			{where}
			ORDER BY reject_id
			LIMIT :limit OFFSET :offset""", """
			SELECT COUNT(*) FROM ingest_reject
			{where}""", REJECT_MAPPER)
		.filteredBy((executionId, where) -> where.and("job_execution_id = :execution_id", "execution_id",
				executionId))
		.startingAfter("reject_id > :after_id", 1,
				(key) -> Map.of("after_id", Cursor.part(key.get(0), Long::valueOf)));

	/** Spring Batch names a partition's step {@code <step>:<partition>}. */
	private static final char PARTITION_SEPARATOR = ':';

	private final NamedParameterJdbcTemplate jdbcTemplate;

	private final FailureDescriptions failureDescriptions;

	JobHistoryRepository(NamedParameterJdbcTemplate jdbcTemplate, FailureDescriptions failureDescriptions) {
		this.jdbcTemplate = jdbcTemplate;
		this.failureDescriptions = failureDescriptions;
	}

	/** One more execution than the page, when there is one, each with its parameters and the job's own steps. */
	List<JobExecutionSummary> findPage(String status, PageRequest page) {
		List<ExecutionRow> executions = EXECUTIONS.page(this.jdbcTemplate, status, page);
		return withDetails(described(executions), false).stream().map(JobExecutionDetails::execution).toList();
	}

	Optional<JobExecutionDetails> findById(long executionId) {
		List<ExecutionRow> executions = this.jdbcTemplate.query(SELECT_EXECUTION,
				Map.of("execution_id", executionId), (rs, row) -> execution(rs));
		return withDetails(described(executions), true).stream().findFirst();
	}

	boolean exists(long executionId) {
		return this.jdbcTemplate.queryForObject(EXECUTION_EXISTS, Map.of("execution_id", executionId),
				Long.class) > 0;
	}

	long count(String status) {
		return EXECUTIONS.count(this.jdbcTemplate, status);
	}

	static List<String> cursorKey(JobExecutionSummary execution) {
		return List.of(String.valueOf(execution.executionId()));
	}

	/** One more reject than the page, when there is one. */
	List<RejectedLine> findRejects(long executionId, PageRequest page) {
		return REJECTS.page(this.jdbcTemplate, executionId, page);
	}

	long countRejects(long executionId) {
		return REJECTS.count(this.jdbcTemplate, executionId);
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
		this.jdbcTemplate.query(PARAMETERS, ids, (rs) -> {
			parameters.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new JobParameter(rs.getString(2), rs.getString(3), rs.getString(4),
						"Y".equalsIgnoreCase(rs.getString(5))));
		});
		Map<Long, List<StepExecutionCounts>> steps = new LinkedHashMap<>();
		Map<Long, List<StepExecutionCounts>> partitions = new LinkedHashMap<>();
		this.jdbcTemplate.query(STEPS, ids, (rs) -> {
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
