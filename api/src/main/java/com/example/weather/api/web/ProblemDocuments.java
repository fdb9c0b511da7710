package com.example.weather.api.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Writes a failure that no controller answers (one a filter refuses, one the container sends to the error page)
 * as the problem document {@link ApiProblems} decides, straight to the response: as
 * {@code application/problem+json} whatever the request's {@code Accept} (the request may be refused precisely
 * because its {@code Accept} cannot be negotiated), never cached, and about the path the client asked for.
 */
public class ProblemDocuments {

	private final ApiProblems problems;

	private final JsonMapper jsonMapper;

	public ProblemDocuments(ApiProblems problems, JsonMapper jsonMapper) {
		this.problems = problems;
		this.jsonMapper = jsonMapper;
	}

	/** Answers {@code failure} with its problem, about {@code path} (the path asked for; null for none). */
	void send(Exception failure, String path, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		send(this.problems.toProblem(failure, new ServletWebRequest(request, response)), path, response);
	}

	/** Answers with {@code problem}, about {@code path} (the path asked for; null for none). */
	void send(ResponseEntity<Object> problem, String path, HttpServletResponse response) throws IOException {
		response.setStatus(problem.getStatusCode().value());
		problem.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		byte[] body = this.jsonMapper.writeValueAsBytes(document((ProblemDetail) problem.getBody(), path));
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static Map<String, Object> document(ProblemDetail problem, String path) {
		Map<String, Object> document = new LinkedHashMap<>();
		if (problem.getType() != null) {
			document.put("type", problem.getType().toString());
		}
		document.put("title", problem.getTitle());
		document.put("status", problem.getStatus());
		document.put("detail", problem.getDetail());
		URI instance = instance(path);
		if (instance != null) {
			document.put("instance", instance.toString());
		}
		if (problem.getProperties() != null) {
			document.putAll(problem.getProperties());
		}
		return document;
	}

	private static URI instance(String path) {
		if (path == null) {
			return null;
		}
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			// no instance rather than a wrong one
			return null;
		}
	}

}
