package com.example.weather.api.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.example.weather.api.web.ListQuery;
import com.example.weather.api.web.PageRequest;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Ingest runs: the executions of {@link JobHistoryRepository} with the totals the job keeps in its execution
 * contexts ({@code ingest.inserted}, ... in the job's, per file in each partition's, {@code worker} for the process
 * that ran a partition). A page of runs costs the history's three queries and two more; partitions come a page at
 * a time, since a full load has one per station file.
 */
@Repository
class IngestRunRepository {

	/** Keys of the ingest job's execution contexts (batch-job: ObservationWriter, StationFile, YearlyStatsRefresh). */
	static final String INSERTED = "ingest.inserted";

	static final String UPDATED = "ingest.updated";

	static final String UNCHANGED = "ingest.unchanged";

	static final String REJECTED = "ingest.rejected";

	static final String WORKER = "worker";

	static final String STATION_YEARS = "stats.station-years";

	private static final String FILE_STEP = "ingestFile";

	private static final int EXIT_MESSAGE_LENGTH = 300;

	private static final String CAUSED_BY = "Caused by: ";

	private final JobHistoryRepository history;

	private final NamedParameterJdbcTemplate jdbcTemplate;

	private final JobQueries queries;

	private final ListQuery<PartitionFilter, RunPartition> partitions;

	IngestRunRepository(JobHistoryRepository history, NamedParameterJdbcTemplate jdbcTemplate, JobQueries queries) {
		this.history = history;
		this.jdbcTemplate = jdbcTemplate;
		this.queries = queries;
		this.partitions = queries.partitions((rs, row) -> partition(rs));
	}

	/** One more run than the page, when there is one. */
	List<IngestRun> findPage(String status, PageRequest page) {
		return withTotals(this.history.findPage(status, page));
	}

	Optional<IngestRunDetails> findById(long executionId) {
		return this.history.findById(executionId)
			.map((details) -> new IngestRunDetails(withTotals(List.of(details.execution())).get(0),
					partitionsByStatus(executionId)));
	}

	/** How many partitions the execution has, by status. */
	Map<String, Long> partitionsByStatus(long executionId) {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbcTemplate.query(this.queries.partitionsByStatus, Map.of("execution_id", executionId), (rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	/** One more partition than the page, when there is one; {@code status} (or null) filters them. */
	List<RunPartition> findPartitions(long executionId, String status, PageRequest page) {
		return this.partitions.page(this.jdbcTemplate, new PartitionFilter(executionId, status), page);
	}

	/** How many partitions the execution has with {@code status}, or in all. */
	long countPartitions(long executionId, String status) {
		return this.partitions.count(this.jdbcTemplate, new PartitionFilter(executionId, status));
	}

	static List<String> cursorKey(RunPartition partition) {
		return List.of(String.valueOf(partition.stepExecutionId()));
	}

	static List<String> cursorKey(IngestRun run) {
		return List.of(String.valueOf(run.executionId()));
	}

	private List<IngestRun> withTotals(List<JobExecutionSummary> executions) {
		if (executions.isEmpty()) {
			return List.of();
		}
		Map<String, Object> ids = Map.of("ids", executions.stream().map(JobExecutionSummary::executionId).toList());
		Map<Long, Map<String, Object>> contexts = new HashMap<>();
		this.jdbcTemplate.query(this.queries.jobContexts, ids,
				(rs) -> {
					contexts.put(rs.getLong(1), ExecutionContexts.read(rs.getString(2)));
				});
		Map<Long, Long> filesRead = new HashMap<>();
		this.jdbcTemplate.query(this.queries.filesRead, ids, (rs) -> {
			filesRead.put(rs.getLong(1), rs.getLong(2));
		});
		return executions.stream()
			.map((e) -> run(e, contexts.getOrDefault(e.executionId(), Map.of()),
					filesRead.getOrDefault(e.executionId(), 0L)))
			.toList();
	}

	private static IngestRun run(JobExecutionSummary execution, Map<String, Object> context, long filesRead) {
		String runDate = parameter(execution, "run.date");
		boolean force = "true".equalsIgnoreCase(parameter(execution, "force"));
		String rerun = (runDate != null) ? "java -jar batch-job.jar run.date=" + runDate + (force ? " force=true" : "")
				: null;
		String rerunEcs = (runDate != null && !force) ? "ecs-task-defs/rerun-night.sh " + runDate + " --wait" : null;
		return new IngestRun(execution.executionId(), runDate, force, execution.status(), execution.exitCode(),
				execution.startTime(), execution.endTime(), seconds(execution.startTime(), execution.endTime()),
				filesRead, ExecutionContexts.number(context, INSERTED), ExecutionContexts.number(context, UPDATED),
				ExecutionContexts.number(context, UNCHANGED), ExecutionContexts.number(context, REJECTED), rerun,
				rerunEcs);
	}

	private static String parameter(JobExecutionSummary execution, String name) {
		return execution.parameters()
			.stream()
			.filter((p) -> p.name().equals(name))
			.map(JobParameter::value)
			.findFirst()
			.orElse(null);
	}

	private static RunPartition partition(ResultSet rs) throws SQLException {
		String name = rs.getString(2);
		int separator = name.indexOf(':');
		String step = name.substring(0, separator);
		Map<String, Object> context = ExecutionContexts.read(rs.getString(9));
		boolean file = step.equals(FILE_STEP);
		LocalDateTime start = local(rs.getTimestamp(4));
		LocalDateTime end = local(rs.getTimestamp(5));
		String status = rs.getString(3);
		return new RunPartition(rs.getLong(1), step, name.substring(separator + 1),
				ExecutionContexts.string(context, WORKER), status, start, end, seconds(start, end), rs.getLong(6),
				file ? ExecutionContexts.number(context, INSERTED) : null,
				file ? ExecutionContexts.number(context, UPDATED) : null,
				file ? ExecutionContexts.number(context, UNCHANGED) : null,
				file ? ExecutionContexts.number(context, REJECTED) : null, rs.getLong(7),
				file ? null : ExecutionContexts.number(context, STATION_YEARS),
				"COMPLETED".equals(status) ? null : firstLine(rs.getString(8)));
	}

	/** The root cause's line of a stack trace ("Unable to process chunk" says less than what caused it). */
	private static String firstLine(String message) {
		if (message == null || message.isBlank()) {
			return null;
		}
		String line = message.strip()
			.lines()
			.filter((l) -> l.startsWith(CAUSED_BY))
			.reduce((first, second) -> second)
			.map((cause) -> cause.substring(CAUSED_BY.length()))
			.orElseGet(() -> message.strip().lines().findFirst().orElse(""));
		return (line.length() > EXIT_MESSAGE_LENGTH) ? line.substring(0, EXIT_MESSAGE_LENGTH) + "…" : line;
	}

	private static Double seconds(LocalDateTime start, LocalDateTime end) {
		return (start != null && end != null) ? Duration.between(start, end).toMillis() / 1000.0 : null;
	}

	private static LocalDateTime local(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

}
