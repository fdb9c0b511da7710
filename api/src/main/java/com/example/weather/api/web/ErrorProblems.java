package com.example.weather.api.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}): what failed outside a controller (a filter, the servlet
 * container, a path no servlet maps) is answered as a problem document decided by {@link ApiProblems}, whatever
 * the request's {@code Accept}. Requested directly, {@code /error} is a 404 like any unknown path.
 * <p>
 * Requests the API's own filter refuses as malformed ({@link WellFormedRequests}) are answered by that filter,
 * with the same {@link ProblemDocuments}. Requests Tomcat refuses before any servlet runs (an encoded {@code /} or
 * NUL in the path, a request line over the size limit) never get here: {@code server.ProblemErrorReportValve}
 * answers those.
 */
@RestController
@Hidden
public class ErrorProblems implements ErrorController {

	private final ProblemDocuments documents;

	public ErrorProblems(ProblemDocuments documents) {
		this.documents = documents;
	}

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String asked = (path instanceof String uri) ? uri : null;
		Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (thrown instanceof Exception exception) {
			this.documents.send(exception, asked, request, response);
			return;
		}
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(status instanceof Integer code)) {
			this.documents.send(ApiProblems.forStatus(HttpStatus.NOT_FOUND, "No resource at this path"), null,
					response);
			return;
		}
		HttpStatusCode statusCode = HttpStatusCode.valueOf(code);
		this.documents.send(ApiProblems.forStatus(statusCode, detail(statusCode)), asked, response);
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

}
