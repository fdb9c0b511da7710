package com.example.weather.api.jobs;

import java.io.IOException;
import java.util.List;

import com.example.weather.api.web.ApiDocs;
import com.example.weather.api.web.HttpCaching;
import com.example.weather.api.web.ListDefinition;
import com.example.weather.api.web.ListParameters;
import com.example.weather.api.web.ListResponse;
import com.example.weather.api.web.Lists;
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

/**
 * The ingest job's nights as an operator reads them (the console's runs pages): totals per run, partitions with the
 * process that ran each, and the command that reruns a night. {@link JobController} has the raw job repository.
 */
@RestController
@Tag(name = "Runs", description = "Ingest runs: per-run totals, partitions and the rerun command")
class IngestRunController {

	private final IngestRunRepository runs;

	private final ListDefinition<String, IngestRun> runList;

	private final ListDefinition<PartitionFilter, RunPartition> partitions;

	private final HttpCaching httpCaching;

	private final Lists lists;

	IngestRunController(IngestRunRepository runs, JobHistoryRepository jobs, HttpCaching httpCaching, Lists lists) {
		this.runs = runs;
		this.runList = ListDefinition
			.ofJobHistory(JobController.EXECUTIONS, runs::findPage, jobs::count, IngestRunRepository::cursorKey)
			.fingerprintedAs((status) -> "runs status=" + status);
		this.partitions = ListDefinition
			.<PartitionFilter, RunPartition>ofJobHistory("partitions",
					(filter, page) -> runs.findPartitions(filter.executionId(), filter.status(), page),
					(filter) -> runs.countPartitions(filter.executionId(), filter.status()),
					IngestRunRepository::cursorKey)
			.countedEachTime()
			.fingerprintedAs((filter) -> "partitions of " + filter.executionId() + " status=" + filter.status())
			.ownedBy((filter) -> JobController.requireExecution(jobs, filter.executionId()));
		this.httpCaching = httpCaching;
		this.lists = lists;
	}

	@GetMapping("/api/runs")
	@Operation(summary = "Ingest runs",
			description = "Executions of the ingest job, newest first, with the night they load, their duration, the "
					+ "files they read and the rows they inserted, updated, left unchanged and rejected.")
	@ApiResponse(responseCode = "200", description = "A page of runs. Carries an ETag; a matching If-None-Match "
			+ "gets a 304.", content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = IngestRunPage.class)))
	@ApiResponse(responseCode = "400", description = "Invalid parameter",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ListResponse<IngestRun>> list(
			@RequestParam(name = "status", required = false)
			@Parameter(description = "Only runs with this status",
					schema = @Schema(allowableValues = { "STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED",
							"COMPLETED", "ABANDONED", "UNKNOWN" }, example = "FAILED")) String status,
			@RequestParam(name = "page", required = false)
			@Parameter(description = ApiDocs.PAGE, example = "1") Integer page,
			@RequestParam(name = "per_page", required = false)
			@Parameter(description = ApiDocs.PER_PAGE, example = "30") Integer perPage,
			@RequestParam(name = "cursor", required = false)
			@Parameter(description = ApiDocs.CURSOR, example = ApiDocs.CURSOR_EXAMPLE) String cursor,
			ServletWebRequest request) throws IOException {
		return this.lists.send(this.runList, JobController.status(status),
				ListParameters.jsonOnly(page, perPage, cursor), request);
	}

	@GetMapping("/api/runs/{execution_id}")
	@Operation(summary = "One ingest run",
			description = "A run with its totals, its partitions counted by status, and the command that reruns the "
					+ "night. Its partitions are in GET /api/runs/{execution_id}/partitions, its rejected lines in "
					+ "GET /api/jobs/{execution_id}/rejects.")
	@ApiResponse(responseCode = "200", description = "The run. Carries an ETag; a matching If-None-Match gets a 304.")
	@ApiResponse(responseCode = "400", description = "execution_id is not a number",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "Unknown execution",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<IngestRunDetails> get(
			@PathVariable("execution_id")
			@Parameter(description = "Job execution id", example = "1") long executionId,
			ServletWebRequest request) {
		return this.httpCaching.sinceJobUpdate(request,
				() -> this.runs.findById(executionId).orElseThrow(() -> JobController.unknown(executionId)));
	}

	@GetMapping("/api/runs/{execution_id}/partitions")
	@Operation(summary = "Partitions of an ingest run",
			description = "The run's partitions in the order they were created: one per station file it read, then "
					+ "one per range of stations whose statistics it refreshed; each with the process that ran it "
					+ "(worker), its status, counts and times.")
	@ApiResponse(responseCode = "200", description = "A page of partitions. Carries an ETag; a matching "
			+ "If-None-Match gets a 304.", content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = RunPartitionPage.class)))
	@ApiResponse(responseCode = "400", description = "Invalid parameter",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "Unknown execution",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ListResponse<RunPartition>> partitions(
			@PathVariable("execution_id")
			@Parameter(description = "Job execution id", example = "1") long executionId,
			@RequestParam(name = "status", required = false)
			@Parameter(description = "Only partitions with this status",
					schema = @Schema(allowableValues = { "STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED",
							"COMPLETED", "ABANDONED", "UNKNOWN" }, example = "FAILED")) String status,
			@RequestParam(name = "page", required = false)
			@Parameter(description = ApiDocs.PAGE, example = "1") Integer page,
			@RequestParam(name = "per_page", required = false)
			@Parameter(description = ApiDocs.PER_PAGE, example = "100") Integer perPage,
			@RequestParam(name = "cursor", required = false)
			@Parameter(description = ApiDocs.CURSOR, example = ApiDocs.CURSOR_EXAMPLE) String cursor,
			ServletWebRequest request) throws IOException {
		PartitionFilter filter = new PartitionFilter(executionId, JobController.status(status));
		return this.lists.send(this.partitions, filter, ListParameters.jsonOnly(page, perPage, cursor), request);
	}

	/** The JSON shape of a page, for the OpenAPI document: generic types cannot be named in annotations. */
	@Schema(name = "IngestRunPage", description = "A page of IngestRun rows")
	record IngestRunPage(@Schema(description = "the rows of this page") List<IngestRun> data,
			@Schema(description = "where this page sits in the filtered list") Pagination pagination) {
	}

	@Schema(name = "RunPartitionPage", description = "A page of RunPartition rows")
	record RunPartitionPage(@Schema(description = "the rows of this page") List<RunPartition> data,
			@Schema(description = "where this page sits in the filtered list") Pagination pagination) {
	}

}
