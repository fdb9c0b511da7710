package com.example.weather.api.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import com.example.weather.api.ApiProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Caps the CSV exports that run at once. An export holds a request thread for as long as its client reads, which
 * a slow client can make minutes. The server lends a thread for each running export ({@link ExportThreads}), and
 * the cap bounds what it lends. Over the cap an export is refused at once with a 429 and {@code Retry-After}.
 * <p>
 * A list endpoint is one that takes a {@code format} parameter; whether a request is an export is decided as the
 * endpoint decides it ({@link ListFormat}).
 */
public class CsvExportLimit implements HandlerInterceptor {

	private static final String PERMIT = CsvExportLimit.class.getName() + ".permit";

	private final int limit;

	private final Duration retryAfter;

	private final Semaphore permits;

	private final ExportThreads threads;

	private final Map<HandlerMethod, Boolean> lists = new ConcurrentHashMap<>();

	public CsvExportLimit(ApiProperties.Exports exports, ExportThreads threads) {
		this.limit = exports.maxConcurrent();
		this.retryAfter = exports.retryAfter();
		this.permits = new Semaphore(exports.maxConcurrent());
		this.threads = threads;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !this.lists.computeIfAbsent(method, CsvExportLimit::isList)
				|| !isExport(request)) {
			return true;
		}
		if (!this.permits.tryAcquire()) {
			throw new TooManyExportsException(this.limit, this.retryAfter);
		}
		request.setAttribute(PERMIT, Boolean.TRUE);
		this.threads.lend();
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(PERMIT) != null) {
			request.removeAttribute(PERMIT);
			this.threads.giveBack();
			this.permits.release();
		}
	}

	/** Exports running now. */
	public int running() {
		return this.limit - this.permits.availablePermits();
	}

	private static boolean isExport(HttpServletRequest request) {
		try {
			return ListFormat.of(request.getParameter("format"), request.getHeader(HttpHeaders.ACCEPT)) == ListFormat.CSV;
		}
		catch (RuntimeException ex) {
			// the endpoint refuses the request with the right problem
			return false;
		}
	}

	private static boolean isList(HandlerMethod method) {
		return Arrays.stream(method.getMethodParameters())
			.map((parameter) -> parameter.getParameterAnnotation(RequestParam.class))
			.anyMatch((annotation) -> annotation != null && "format".equals(annotation.name()));
	}

}
