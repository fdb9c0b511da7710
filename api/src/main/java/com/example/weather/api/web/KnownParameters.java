package com.example.weather.api.web;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rejects query parameters an endpoint does not take, so that a typo ({@code stationid=...}) is a 400 instead of
 * a silently unfiltered answer. An endpoint's parameters are its {@code @RequestParam}s.
 */
public class KnownParameters implements HandlerInterceptor {

	private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Set<String> names = this.known.computeIfAbsent(method, KnownParameters::parametersOf);
		for (String name : Collections.list(request.getParameterNames())) {
			if (!names.contains(name)) {
				throw new BadParameterException(name, "unknown parameter '" + name + "'; this endpoint takes "
						+ (names.isEmpty() ? "no parameters" : String.join(", ", names)));
			}
		}
		return true;
	}

	private static Set<String> parametersOf(HandlerMethod method) {
		return Arrays.stream(method.getMethodParameters())
			.map((parameter) -> parameter.getParameterAnnotation(RequestParam.class))
			.filter((annotation) -> annotation != null && !annotation.name().isEmpty())
			.map(RequestParam::name)
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
