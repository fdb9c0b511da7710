package com.example.weather.api.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The container's error page ({@code /error}): what failed outside a controller (a filter, the servlet
 * container, a path no servlet maps) is answered as a problem document decided by {@link ApiProblems}, whatever
 * the request's {@code Accept}. Requested directly, {@code /error} is a 404 like any unknown path.
 * <p>
 * Requests Tomcat refuses before any servlet runs (an encoded {@code /} or NUL in the path, a request line over
 * the size limit) never get here: {@code server.ProblemErrorReportValve} answers those.
 */
@RestController
@Hidden
public class ErrorProblems implements ErrorController {

	private static final String PROBLEM = ErrorProblems.class.getName() + ".problem";

	private final ApiProblems problems;

	private final JsonMapper jsonMapper;

	public ErrorProblems(ApiProblems problems, JsonMapper jsonMapper) {
		this.problems = problems;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Ends a request that a filter refused as malformed: the error page then answers it with the problem for
	 * {@code problem}.
	 */
	static void reject(HttpServletRequest request, HttpServletResponse response, BadParameterException problem)
			throws IOException {
		request.setAttribute(PROBLEM, problem);
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

	/**
	 * Written here rather than through content negotiation: the request may be here precisely because its
	 * {@code Accept} cannot be negotiated, and a problem is sent whatever it asks for.
	 */
	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ResponseEntity<Object> problem = problem(request, response);
		response.setStatus(problem.getStatusCode().value());
		problem.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		byte[] body = this.jsonMapper.writeValueAsBytes(document((ProblemDetail) problem.getBody()));
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static Map<String, Object> document(ProblemDetail problem) {
		Map<String, Object> document = new LinkedHashMap<>();
		if (problem.getType() != null) {
			document.put("type", problem.getType().toString());
		}
		document.put("title", problem.getTitle());
		document.put("status", problem.getStatus());
		document.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			document.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			document.putAll(problem.getProperties());
		}
		return document;
	}

	private ResponseEntity<Object> problem(HttpServletRequest request, HttpServletResponse response) {
		ServletWebRequest webRequest = new ServletWebRequest(request, response);
		Object refused = request.getAttribute(PROBLEM);
		if (refused instanceof Exception exception) {
			return about(request, this.problems.toProblem(exception, webRequest));
		}
		Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (thrown instanceof Exception exception) {
			return about(request, this.problems.toProblem(exception, webRequest));
		}
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(status instanceof Integer code)) {
			return withoutCaching(ApiProblems.forStatus(HttpStatus.NOT_FOUND, "No resource at this path"));
		}
		HttpStatusCode statusCode = HttpStatusCode.valueOf(code);
		return about(request, ApiProblems.forStatus(statusCode, detail(statusCode)));
	}

	private static String detail(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "The request is malformed";
			case 404 -> "No resource at this path";
			case 405 -> "This method is not allowed here; the API only answers GET (and HEAD, OPTIONS)";
			case 413 -> "The request body is larger than the server accepts";
			case 414 -> "The request line is longer than the server accepts";
			case 431 -> "The request headers are larger than the server accepts";
			default -> (status.is5xxServerError()) ? "The request failed; the failure is logged"
					: "The request could not be served";
		};
	}

	/** The problem, about the path the client asked for rather than this error page's. */
	private static ResponseEntity<Object> about(HttpServletRequest request, ResponseEntity<Object> problem) {
		if (problem.getBody() instanceof ProblemDetail detail) {
			detail.setInstance(null);
			Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			if (path instanceof String uri) {
				try {
					detail.setInstance(URI.create(uri));
				}
				catch (IllegalArgumentException ex) {
					// no instance rather than a wrong one
				}
			}
		}
		return withoutCaching(problem);
	}

	private static ResponseEntity<Object> withoutCaching(ResponseEntity<Object> problem) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(problem.getHeaders());
		headers.setCacheControl("no-store");
		return new ResponseEntity<>(problem.getBody(), headers, problem.getStatusCode());
	}

}
