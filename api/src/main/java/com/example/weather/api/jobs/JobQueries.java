package com.example.weather.api.jobs;

import java.util.Map;

import com.example.weather.api.web.Cursor;
import com.example.weather.api.web.ListQuery;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Every query of the job history, in one place: those on the Spring Batch job repository, whose tables are named
 * as Spring Batch names them ({@code %PREFIX%JOB_EXECUTION}: the prefix is the job's, see
 * {@link JobRepositoryTables}), and those on {@code ingest_reject}. The repositories map the rows, reading the
 * columns in the order the queries give them.
 */
@Component
class JobQueries {

	/** An execution with its job's name, by id. */
	private static final String EXECUTION = """
			SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE,
			       e.CREATE_TIME, e.START_TIME, e.END_TIME
			FROM %PREFIX%JOB_EXECUTION e
			JOIN %PREFIX%JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
			WHERE e.JOB_EXECUTION_ID = :execution_id""";

	/** A page of executions, newest first. */
	private static final String EXECUTION_PAGE = """
			SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE,
			       e.CREATE_TIME, e.START_TIME, e.END_TIME
			FROM %PREFIX%JOB_EXECUTION e
			JOIN %PREFIX%JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
			{where}
			ORDER BY e.JOB_EXECUTION_ID DESC
			LIMIT :limit OFFSET :offset""";

	private static final String EXECUTION_COUNT = """
			SELECT COUNT(*)
			FROM %PREFIX%JOB_EXECUTION e
			{where}""";

	/** 1 if the execution exists, else 0. */
	private static final String EXECUTION_EXISTS = """
			SELECT COUNT(*) FROM %PREFIX%JOB_EXECUTION WHERE JOB_EXECUTION_ID = :execution_id""";

	/** The parameters of the executions {@code :ids}. */
	private static final String PARAMETERS = """
			SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE, IDENTIFYING
			FROM %PREFIX%JOB_EXECUTION_PARAMS
			WHERE JOB_EXECUTION_ID IN (:ids)
			ORDER BY JOB_EXECUTION_ID, PARAMETER_NAME""";

	/** Every step of the executions {@code :ids}, partitions included. */
	private static final String STEPS = """
			SELECT JOB_EXECUTION_ID, STEP_EXECUTION_ID, STEP_NAME, STATUS, EXIT_CODE, START_TIME, END_TIME,
			       READ_COUNT, WRITE_COUNT, FILTER_COUNT, READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT,
			       COMMIT_COUNT, ROLLBACK_COUNT
			FROM %PREFIX%STEP_EXECUTION
			WHERE JOB_EXECUTION_ID IN (:ids)
			ORDER BY JOB_EXECUTION_ID, STEP_EXECUTION_ID""";

	/** The steps of the executions {@code :ids} that did not complete, with their exit message. */
	private static final String FAILED_STEPS = """
			SELECT JOB_EXECUTION_ID, STEP_NAME, EXIT_MESSAGE
			FROM %PREFIX%STEP_EXECUTION
			WHERE JOB_EXECUTION_ID IN (:ids) AND STATUS IN ('FAILED', 'STOPPED', 'ABANDONED', 'UNKNOWN')
			ORDER BY JOB_EXECUTION_ID, STEP_EXECUTION_ID""";

	/** The execution contexts of the executions {@code :ids}, where the job keeps its totals. */
	private static final String JOB_CONTEXTS = """
			SELECT JOB_EXECUTION_ID, COALESCE(SERIALIZED_CONTEXT, SHORT_CONTEXT)
			FROM %PREFIX%JOB_EXECUTION_CONTEXT
			WHERE JOB_EXECUTION_ID IN (:ids)""";

	/** How many station files each of the executions {@code :ids} read: one partition each. */
	private static final String FILES_READ = """
			SELECT JOB_EXECUTION_ID, COUNT(*)
			FROM %PREFIX%STEP_EXECUTION
			WHERE JOB_EXECUTION_ID IN (:ids) AND STEP_NAME LIKE 'ingestFile:%'
			GROUP BY JOB_EXECUTION_ID""";

	/**
	 * A page of an execution's partitions: a partition's step is named {@code <step>:<partition>}, the job's own
	 * steps have no colon.
	 */
	private static final String PARTITION_PAGE = """
			SELECT s.STEP_EXECUTION_ID, s.STEP_NAME, s.STATUS, s.START_TIME, s.END_TIME, s.READ_COUNT,
			       s.FILTER_COUNT, s.EXIT_MESSAGE, COALESCE(c.SERIALIZED_CONTEXT, c.SHORT_CONTEXT)
			FROM %PREFIX%STEP_EXECUTION s
			LEFT JOIN %PREFIX%STEP_EXECUTION_CONTEXT c ON c.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID
			{where}
			ORDER BY s.STEP_EXECUTION_ID
			LIMIT :limit OFFSET :offset""";

	private static final String PARTITION_COUNT = """
			SELECT COUNT(*)
			FROM %PREFIX%STEP_EXECUTION s
			{where}""";

	/** How many partitions the execution has in each status. */
	private static final String PARTITIONS_BY_STATUS = """
			SELECT s.STATUS, COUNT(*)
			FROM %PREFIX%STEP_EXECUTION s
			WHERE s.JOB_EXECUTION_ID = :execution_id AND s.STEP_NAME LIKE '%:%'
			GROUP BY s.STATUS""";

	/** The newest completed execution of the job {@code ?}, and when it ended: the version of the loaded data. */
	private static final String LAST_COMPLETED_LOAD = """
			SELECT e.JOB_EXECUTION_ID, e.END_TIME
			FROM %PREFIX%JOB_EXECUTION e
			JOIN %PREFIX%JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
			WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED'
			ORDER BY e.END_TIME DESC, e.JOB_EXECUTION_ID DESC
			LIMIT 1""";

	/** The newest execution, and when an execution and a step were last updated: the version of the job history. */
	private static final String JOB_HISTORY_CHANGE = """
			SELECT (SELECT MAX(JOB_EXECUTION_ID) FROM %PREFIX%JOB_EXECUTION) AS last_execution,
			       (SELECT MAX(LAST_UPDATED) FROM %PREFIX%JOB_EXECUTION)    AS job_updated,
			       (SELECT MAX(LAST_UPDATED) FROM %PREFIX%STEP_EXECUTION)   AS step_updated""";

	/** A page of the lines an execution rejected, in the order it rejected them. */
	private static final String REJECT_PAGE = """
			SELECT reject_id, file_name, line_number, line, reason_code, reason
			FROM ingest_reject
			{where}
			ORDER BY reject_id
			LIMIT :limit OFFSET :offset""";

	private static final String REJECT_COUNT = """
			SELECT COUNT(*) FROM ingest_reject
			{where}""";

	// the queries above, with the job repository's tables named

	final String execution;

	final String executionExists;

	final String parameters;

	final String steps;

	final String failedSteps;

	final String jobContexts;

	final String filesRead;

	final String partitionsByStatus;

	final String lastCompletedLoad;

	final String jobHistoryChange;

	private final String executionPage;

	private final String executionCount;

	private final String partitionPage;

	private final String partitionCount;

	JobQueries(JobRepositoryTables tables) {
		this.execution = tables.query(EXECUTION);
		this.executionPage = tables.query(EXECUTION_PAGE);
		this.executionCount = tables.query(EXECUTION_COUNT);
		this.executionExists = tables.query(EXECUTION_EXISTS);
		this.parameters = tables.query(PARAMETERS);
		this.steps = tables.query(STEPS);
		this.failedSteps = tables.query(FAILED_STEPS);
		this.jobContexts = tables.query(JOB_CONTEXTS);
		this.filesRead = tables.query(FILES_READ);
		this.partitionPage = tables.query(PARTITION_PAGE);
		this.partitionCount = tables.query(PARTITION_COUNT);
		this.partitionsByStatus = tables.query(PARTITIONS_BY_STATUS);
		this.lastCompletedLoad = tables.query(LAST_COMPLETED_LOAD);
		this.jobHistoryChange = tables.query(JOB_HISTORY_CHANGE);
	}

	/** Executions with their job's name, newest first; with a status, or all. */
	<T> ListQuery<String, T> executions(RowMapper<T> rows) {
		return ListQuery.<String, T>of(this.executionPage, this.executionCount, rows)
			.filteredBy((status, where) -> where.and("e.STATUS = :status", "status", status))
			.startingAfter("e.JOB_EXECUTION_ID < :before_id", 1,
					(key) -> Map.of("before_id", Cursor.part(key.get(0), Long::valueOf)));
	}

	/** The partitions of an execution, with a status or all, in the order they were created. */
	<T> ListQuery<PartitionFilter, T> partitions(RowMapper<T> rows) {
		return ListQuery.<PartitionFilter, T>of(this.partitionPage, this.partitionCount, rows)
			.filteredBy((filter, where) -> where
				.and("s.JOB_EXECUTION_ID = :execution_id AND s.STEP_NAME LIKE '%:%'", "execution_id",
						filter.executionId())
				.and("s.STATUS = :status", "status", filter.status()))
			.startingAfter("s.STEP_EXECUTION_ID > :after_id", 1,
					(key) -> Map.of("after_id", Cursor.part(key.get(0), Long::valueOf)));
	}

	/** The lines an execution rejected, in the order it rejected them. */
	<T> ListQuery<Long, T> rejects(RowMapper<T> rows) {
		return ListQuery.<Long, T>of(REJECT_PAGE, REJECT_COUNT, rows)
			.filteredBy((executionId, where) -> where.and("job_execution_id = :execution_id", "execution_id",
					executionId))
			.startingAfter("reject_id > :after_id", 1,
					(key) -> Map.of("after_id", Cursor.part(key.get(0), Long::valueOf)));
	}

}
