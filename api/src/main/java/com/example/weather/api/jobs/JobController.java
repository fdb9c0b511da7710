package com.example.weather.api.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.example.weather.api.web.ApiDocs;
import com.example.weather.api.web.BadParameterException;
import com.example.weather.api.web.HttpCaching;
import com.example.weather.api.web.ListDefinition;
import com.example.weather.api.web.ListParameters;
import com.example.weather.api.web.ListResponse;
import com.example.weather.api.web.Lists;
import com.example.weather.api.web.NotFoundException;
import com.example.weather.api.web.Pagination;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@Tag(name = "Jobs", description = "History of the ingest job, from the Spring Batch job repository")
class JobController {

	/** Spring Batch's BatchStatus values. */
	private static final Set<String> STATUSES = Set.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED",
			"COMPLETED", "ABANDONED", "UNKNOWN");

	/** The name the job executions' counts are kept under; the runs count the same rows. */
	static final String EXECUTIONS = "jobs";

	private static final List<String> JOB_CSV_HEADER = List.of("execution_id", "instance_id", "job_name", "status",
			"exit_code", "exit_description", "create_time", "start_time", "end_time");

	private static final List<String> REJECT_CSV_HEADER = List.of("reject_id", "file_name", "line_number", "line",
			"reason_code", "reason");

	private final JobHistoryRepository jobs;

	private final ListDefinition<String, JobExecutionSummary> executions;

	private final ListDefinition<Long, RejectedLine> rejects;

	private final HttpCaching httpCaching;

	private final Lists lists;

	JobController(JobHistoryRepository jobs, HttpCaching httpCaching, Lists lists) {
		this.jobs = jobs;
		this.executions = ListDefinition
			.ofJobHistory(EXECUTIONS, jobs::findPage, jobs::count, JobHistoryRepository::cursorKey)
			.fingerprintedAs((status) -> "status=" + status)
			.withCsv((status) -> "jobs", JOB_CSV_HEADER, (e) -> new Object[] { e.executionId(), e.instanceId(),
					e.jobName(), e.status(), e.exitCode(), e.exitDescription(), e.createTime(), e.startTime(),
					e.endTime() });
		this.rejects = ListDefinition
			.ofJobHistory("rejects", jobs::findRejects, jobs::countRejects, JobHistoryRepository::cursorKey)
			.fingerprintedAs((executionId) -> "rejects of " + executionId)
			.ownedBy((executionId) -> requireExecution(jobs, executionId))
			.withCsv((executionId) -> "rejects-" + executionId, REJECT_CSV_HEADER, (r) -> new Object[] {
					r.rejectId(), r.fileName(), r.lineNumber(), r.line(), r.reasonCode(), r.reason() });
		this.httpCaching = httpCaching;
		this.lists = lists;
	}

	@GetMapping("/api/jobs")
	@Operation(summary = "Job executions",
			description = "Executions of the ingest job, newest first, each with its parameters and the counts of "
					+ "the job's steps. With format=csv: one row per execution, without parameters and steps.")
	@ApiResponse(responseCode = "200", description = ApiDocs.LIST_RESPONSES, content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = JobExecutionPage.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string",
					example = "execution_id,instance_id,job_name,status,exit_code,exit_description,create_time,"
							+ "start_time,end_time\r\n42,40,weatherIngestJob,COMPLETED,COMPLETED,,"
							+ "2026-11-24T02:00:00.987,2026-11-24T02:00:01.001,2026-11-24T02:04:13.002\r\n")) })
	@ApiResponse(responseCode = "400", description = "Invalid parameter",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ListResponse<JobExecutionSummary>> list(
			@RequestParam(name = "status", required = false)
			@Parameter(description = "Only executions with this status",
					schema = @Schema(allowableValues = { "STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED",
							"COMPLETED", "ABANDONED", "UNKNOWN" }, example = "FAILED")) String status,
			@RequestParam(name = "page", required = false)
			@Parameter(description = ApiDocs.PAGE, example = "1") Integer page,
			@RequestParam(name = "per_page", required = false)
			@Parameter(description = ApiDocs.PER_PAGE, example = "50") Integer perPage,
			@RequestParam(name = "cursor", required = false)
			@Parameter(description = ApiDocs.CURSOR, example = ApiDocs.CURSOR_EXAMPLE) String cursor,
			@RequestParam(name = "format", required = false)
			@Parameter(description = ApiDocs.FORMAT, example = "csv",
					schema = @Schema(allowableValues = { "json", "csv" })) String format,
			ServletWebRequest request) throws IOException {
		return this.lists.send(this.executions, status(status),
				new ListParameters(page, perPage, cursor, format), request);
	}

	@GetMapping("/api/jobs/{execution_id}")
	@Operation(summary = "One job execution",
			description = "A job execution with its parameters, the job's steps and every partition: one per "
					+ "station file, and one per range of stations of the statistics.")
	@ApiResponse(responseCode = "200", description = "The execution. Carries an ETag; a matching If-None-Match "
			+ "gets a 304.")
	@ApiResponse(responseCode = "400", description = "execution_id is not a number",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "Unknown execution",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<JobExecutionDetails> get(
			@PathVariable("execution_id")
			@Parameter(description = "Job execution id", example = "1") long executionId,
			ServletWebRequest request) {
		return this.httpCaching.sinceJobUpdate(request,
				() -> this.jobs.findById(executionId).orElseThrow(() -> unknown(executionId)));
	}

	@GetMapping("/api/jobs/{execution_id}/rejects")
	@Operation(summary = "Rejected lines of a job execution",
			description = "The lines the execution did not load, with the reason, in the order they were rejected.")
	@ApiResponse(responseCode = "200", description = ApiDocs.LIST_RESPONSES, content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = RejectedLinePage.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string",
					example = "reject_id,file_name,line_number,line,reason_code,reason\r\n17,USC00110072.txt,1203,"
							+ "19880229\t  abc\t  -56\t    0,UNPARSEABLE_FIELD,a field is not an integer: max "
							+ "temperature 'abc'\r\n")) })
	@ApiResponse(responseCode = "400", description = "Invalid parameter",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "Unknown execution",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ListResponse<RejectedLine>> rejects(
			@PathVariable("execution_id")
			@Parameter(description = "Job execution id", example = "1") long executionId,
			@RequestParam(name = "page", required = false)
			@Parameter(description = ApiDocs.PAGE, example = "1") Integer page,
			@RequestParam(name = "per_page", required = false)
			@Parameter(description = ApiDocs.PER_PAGE, example = "50") Integer perPage,
			@RequestParam(name = "cursor", required = false)
			@Parameter(description = ApiDocs.CURSOR, example = ApiDocs.CURSOR_EXAMPLE) String cursor,
			@RequestParam(name = "format", required = false)
			@Parameter(description = ApiDocs.FORMAT, example = "csv",
					schema = @Schema(allowableValues = { "json", "csv" })) String format,
			ServletWebRequest request) throws IOException {
		return this.lists.send(this.rejects, executionId, new ListParameters(page, perPage, cursor, format),
				request);
	}

	/** Fails with a 404 unless the execution exists. */
	static void requireExecution(JobHistoryRepository jobs, long executionId) {
		if (!jobs.exists(executionId)) {
			throw unknown(executionId);
		}
	}

	static String status(String status) {
		if (status == null) {
			return null;
		}
		String normalized = status.strip().toUpperCase(Locale.ROOT);
		if (!STATUSES.contains(normalized)) {
			throw new BadParameterException("status",
					"'status' must be one of " + String.join(", ", STATUSES.stream().sorted().toList()) + ", was '"
							+ status + "'");
		}
		return normalized;
	}

	static NotFoundException unknown(long executionId) {
		return new NotFoundException("No job execution " + executionId);
	}

	/** The JSON shape of a page, for the OpenAPI document: generic types cannot be named in annotations. */
	@Schema(name = "JobExecutionPage", description = "A page of JobExecutionSummary rows")
	record JobExecutionPage(@Schema(description = "the rows of this page") List<JobExecutionSummary> data,
			@Schema(description = "where this page sits in the filtered list") Pagination pagination) {
	}

	@Schema(name = "RejectedLinePage", description = "A page of RejectedLine rows")
	record RejectedLinePage(@Schema(description = "the rows of this page") List<RejectedLine> data,
			@Schema(description = "where this page sits in the filtered list") Pagination pagination) {
	}

}
