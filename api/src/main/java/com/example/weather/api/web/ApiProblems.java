package com.example.weather.api.web;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem ({@code application/problem+json}): bad input is a 400 naming the
 * parameter, unknown resources a 404, an unreachable or unmigrated database a 503. Nothing reaches the client as a
 * stack trace.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiProblems.class);

	/** Undefined table: PostgreSQL, then H2. */
	private static final Set<String> MISSING_TABLE_STATES = Set.of("42P01", "42S02", "42S04");

	@ExceptionHandler
	ResponseEntity<Object> badParameter(BadParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", ex.getMessage(), ex.parameter());
	}

	@ExceptionHandler
	ResponseEntity<Object> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), null);
	}

	@ExceptionHandler
	ResponseEntity<Object> notAcceptable(NotAcceptableException ex) {
		return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", ex.getMessage(), HttpHeaders.ACCEPT);
	}

	@ExceptionHandler
	ResponseEntity<Object> tooManyExports(TooManyExportsException ex) {
		ResponseEntity<Object> problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many exports", ex.getMessage(),
				null);
		return ResponseEntity.status(problem.getStatusCode())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
			.body(problem.getBody());
	}

	/**
	 * The problem for a failure that happened outside a controller (a filter, the container), so that it is
	 * decided here like every other: see {@link ErrorProblems}.
	 */
	ResponseEntity<Object> toProblem(Exception ex, WebRequest request) {
		if (ex instanceof BadParameterException bad) {
			return badParameter(bad);
		}
		if (ex instanceof NotFoundException notFound) {
			return notFound(notFound);
		}
		if (ex instanceof NotAcceptableException notAcceptable) {
			return notAcceptable(notAcceptable);
		}
		if (ex instanceof TooManyExportsException tooMany) {
			return tooManyExports(tooMany);
		}
		if (ex instanceof DataAccessException database) {
			return database(database);
		}
		try {
			ResponseEntity<Object> standard = handleException(ex, request);
			if (standard != null) {
				return standard;
			}
		}
		catch (Exception notStandard) {
			// not one of Spring MVC's own exceptions
		}
		return unexpected(ex);
	}

	/** A problem for a bare status the container set, without an exception to tell more. */
	static ResponseEntity<Object> forStatus(HttpStatusCode status, String detail) {
		HttpStatus known = HttpStatus.resolve(status.value());
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		return problem(status, title, detail, null);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return badParameter(BadParameterException.invalidValue(name, ex.getValue(), ex.getRequiredType()));
	}

	@ExceptionHandler
	ResponseEntity<Object> database(DataAccessException ex) {
		if (isMissingTable(ex)) {
			logger.warn("A table is missing; has the ingest job migrated this database? " + ex.getMostSpecificCause());
			return unavailable("The warehouse schema is not there yet: run the ingest job once to create and load it");
		}
		if (ex instanceof CannotGetJdbcConnectionException || ex instanceof DataAccessResourceFailureException
				|| ex instanceof TransientDataAccessException || ex instanceof QueryTimeoutException) {
			logger.warn("Database unavailable: " + ex.getMostSpecificCause());
			return unavailable("The database is unavailable; try again later");
		}
		return unexpected(ex);
	}

	/**
	 * A CSV export whose client went away, or stopped reading for longer than the server waits on a write
	 * ({@code server.tomcat.connection-timeout}): the response is cut, and there is no one to answer.
	 */
	@ExceptionHandler
	ResponseEntity<Object> clientGone(UncheckedIOException ex) {
		if (ex.getCause() instanceof AsyncRequestNotUsableException gone) {
			logger.info("An export was cut: its client went away or stopped reading ("
					+ gone.getMessage() + ")");
			return null;
		}
		return unexpected(ex);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex) {
		logger.error("Unexpected failure", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The request failed unexpectedly; the failure is logged", null);
	}

	private static ResponseEntity<Object> unavailable(String detail) {
		ResponseEntity<Object> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, null);
		return ResponseEntity.status(problem.getStatusCode())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.RETRY_AFTER, "30")
			.body(problem.getBody());
	}

	private static ResponseEntity<Object> problem(HttpStatusCode status, String title, String detail,
			String parameter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (parameter != null) {
			problem.setProperty("parameter", parameter);
		}
		return ResponseEntity.status(status).body(problem);
	}

	private static boolean isMissingTable(DataAccessException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& MISSING_TABLE_STATES.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
