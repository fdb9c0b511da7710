package com.example.weather.api.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a query string the API could not read faithfully, before anything reads a parameter: broken
 * percent-encoding ({@code %ZZ}, {@code %%%}) in a name or a value, bytes that are not UTF-8 ({@code %FF},
 * the overlong {@code %C0%80}), and control characters such as NUL, which no parameter of this API can hold and
 * PostgreSQL refuses in text; and an {@code Accept} header that is not a list of media types. The answer is a 400
 * naming the parameter (or {@code Accept}), written here by {@link ProblemDocuments} like every other error, so
 * that it needs no error page; nothing of such a request reaches a controller or the database.
 * <p>
 * Tomcat decodes the query string itself, but on a bad sequence it either fails the request or drops the
 * parameter, and says which one only in a log message; checking the raw query string here first is what names it.
 */
public class WellFormedRequests extends OncePerRequestFilter {

	private static final String WELL_ENCODED = "valid percent-encoded UTF-8 text";

	private static final String WITHOUT_CONTROLS = "text without control characters (such as NUL, %00)";

	/** How much of a malformed name is repeated back: enough to recognise it. */
	private static final int MAX_ECHOED_NAME = 64;

	private final ProblemDocuments problems;

	public WellFormedRequests(ProblemDocuments problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BadParameterException problem = checkPath(request);
		if (problem == null) {
			problem = check(request.getQueryString());
		}
		if (problem == null) {
			problem = parse(request);
		}
		if (problem == null) {
			problem = checkAccept(request.getHeader(HttpHeaders.ACCEPT));
		}
		if (problem != null) {
			this.problems.send(problem, request.getRequestURI(), request, response);
			return;
		}
		BodilessErrors checked = new BodilessErrors(response);
		chain.doFilter(request, checked);
		if (checked.needsProblem()) {
			response.sendError(checked.getStatus());
		}
	}

	/**
	 * Spring MVC could not answer a malformed {@code Accept} with a problem, having no representation it may send
	 * against it.
	 */
	private static BadParameterException checkAccept(String accept) {
		if (accept == null) {
			return null;
		}
		try {
			MediaType.parseMediaTypes(accept);
			return null;
		}
		catch (InvalidMediaTypeException ex) {
			return new BadParameterException(HttpHeaders.ACCEPT, "'Accept' could not be parsed as a list of media types");
		}
	}

	/**
	 * An error status set without a body (an unknown health group, a 406 from content negotiation) is sent on to
	 * the error page, so that it too is a problem document.
	 */
	private static final class BodilessErrors extends HttpServletResponseWrapper {

		private boolean body;

		private boolean errorSent;

		BodilessErrors(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			this.body = true;
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			this.body = true;
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			if (needsProblem()) {
				sendError(getStatus());
				return;
			}
			super.flushBuffer();
		}

		@Override
		public void sendError(int status) throws IOException {
			this.errorSent = true;
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			this.errorSent = true;
			super.sendError(status, message);
		}

		boolean needsProblem() {
			return getStatus() >= 400 && !this.body && !this.errorSent && !isCommitted();
		}

	}

	/** Tomcat already refuses NUL in a path; the other control characters are no part of any id either. */
	private static BadParameterException checkPath(HttpServletRequest request) {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		return hasControlCharacter(path) ? new BadParameterException("path", "the path is not " + WITHOUT_CONTROLS)
				: null;
	}

	/** The first malformed parameter of a raw query string, or null. */
	static BadParameterException check(String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (String pair : query.split("&", -1)) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String rawName = (equals < 0) ? pair : pair.substring(0, equals);
			String rawValue = (equals < 0) ? "" : pair.substring(equals + 1);
			String name = decode(rawName);
			if (name == null || hasControlCharacter(name)) {
				return new BadParameterException(echo(rawName), "the parameter name '%s' is not %s"
					.formatted(echo(rawName), (name == null) ? WELL_ENCODED : WITHOUT_CONTROLS));
			}
			String value = decode(rawValue);
			if (value == null || hasControlCharacter(value)) {
				return new BadParameterException(echo(name), "'%s' is not %s".formatted(echo(name),
						(value == null) ? WELL_ENCODED : WITHOUT_CONTROLS));
			}
		}
		return null;
	}

	/**
	 * Lets the container parse the parameters once, so that what it refuses beyond the encoding (more parameters
	 * than it allows, a malformed form body) is a 400 here rather than a failure in whatever reads them first.
	 */
	private static BadParameterException parse(HttpServletRequest request) {
		try {
			request.getParameterMap();
			return null;
		}
		catch (RuntimeException ex) {
			return new BadParameterException("query",
					"the parameters could not be read: there are too many, or they are malformed");
		}
	}

	/**
	 * Decodes {@code application/x-www-form-urlencoded} text strictly: null on a broken escape or bytes that are
	 * not UTF-8.
	 */
	static String decode(String raw) {
		if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
			return raw;
		}
		ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					return null;
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.put((byte) ((high << 4) + low));
				i += 2;
			}
			else if (c == '+') {
				bytes.put((byte) ' ');
			}
			else if (c < 0x80) {
				bytes.put((byte) c);
			}
			else {
				int codePoint = raw.codePointAt(i);
				bytes.put(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
				i += Character.charCount(codePoint) - 1;
			}
		}
		bytes.flip();
		try {
			CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7F) {
				return true;
			}
		}
		return false;
	}

	/** A name as it may be repeated in a problem: printable, and short. */
	private static String echo(String name) {
		StringBuilder safe = new StringBuilder();
		for (int i = 0; i < name.length() && safe.length() < MAX_ECHOED_NAME; i++) {
			char c = name.charAt(i);
			safe.append((c < 0x20 || c == 0x7F) ? '?' : c);
		}
		return safe.toString();
	}

}
