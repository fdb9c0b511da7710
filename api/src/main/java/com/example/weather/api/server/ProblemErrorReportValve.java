package com.example.weather.api.server;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for what it refuses before the API runs (an encoded {@code /} or NUL in the path, a
 * request line or headers over {@code server.max-http-request-header-size}, characters a URL may not hold): an
 * RFC 9457 problem document where Tomcat would send its HTML page. Errors inside the application never get here;
 * the API's error page answers them.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private final long maxHeaderBytes;

	public ProblemErrorReportValve(long maxHeaderBytes) {
		this.maxHeaderBytes = maxHeaderBytes;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// as Tomcat's own: only errors, only once, and only while something can still be written
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		if (status == 501) {
			// Tomcat's answer to CONNECT: to a client a method this server does not allow, not a server failure
			status = 405;
			response.setStatus(status);
			response.setHeader("Allow", "GET, HEAD, OPTIONS");
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Cache-Control", "no-store");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(problem(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is committed: nothing more to tell it
		}
	}

	String problem(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String detail = switch (status) {
			case 400 -> "The request is malformed: the request line, a header or the path could not be read, or the "
					+ "request line and headers together exceed " + this.maxHeaderBytes
					+ " bytes (server.max-http-request-header-size)";
			case 414 -> "The request line exceeds " + this.maxHeaderBytes
					+ " bytes (server.max-http-request-header-size)";
			case 431 -> "The request headers exceed " + this.maxHeaderBytes
					+ " bytes (server.max-http-request-header-size)";
			case 404 -> "No resource at this path";
			case 405 -> "This method is not allowed here";
			default -> (status >= 500) ? "The request failed; the failure is logged"
					: "The request could not be served";
		};
		// no client text in here: nothing needs escaping
		return "{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
				+ "\"}";
	}

}
