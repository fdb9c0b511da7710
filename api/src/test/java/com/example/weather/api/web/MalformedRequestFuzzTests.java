package com.example.weather.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.weather.api.support.LoadedWarehouse;
import com.example.weather.api.support.RawHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile client, over real HTTP on raw sockets (so that nothing on the client side fixes the requests up): a
 * corpus of malformed requests generated over every endpoint, each answered without a 5xx, and every error as an
 * RFC 9457 problem document whose status is the response's, never an HTML page or a stack trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LoadedWarehouse.class)
class MalformedRequestFuzzTests {

	/** Every endpoint, with the parameters it takes. */
	private static final Map<String, List<String>> ENDPOINTS = endpoints();

	private static final List<String> BAD_VALUES = List.of("%", "%%%", "%ZZ", "%G1", "%2", "%FF%FE", "%C0%80",
			"%ED%A0%80", "%F8%88%80%80%80", "%00", "ALPHA1%00", "%00ALPHA1", "%0A", "%0D%0AX-Injected:%201", "%7F",
			"%1B[31m", "'", "%27%20OR%201=1--", "%22", "%5C", "%E2%82%AC", "+", "-1", "0", "99999999999999999999",
			"1e3", "NaN", "2021-02-30", "%EF%BF%BD", "x".repeat(4000), "%25".repeat(500));

	private static final List<String> BAD_NAMES = List.of("%ZZ", "%00", "%FF", "=", "", "x%00y", "%C0%80",
			"station_id%00", "unknown");

	private static final List<String> METHODS = List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
			"CONNECT", "PROPFIND", "FOO", "HEAD");

	private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "text/csv", "image/png",
			";;;", "*/*;q=abc", "application/json;q=0", "text/csv, application/xml", "\u00ff\u00fe", "*/*");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void malformedParameterValuesAndNames() throws Exception {
		List<String> failures = new ArrayList<>();
		ENDPOINTS.forEach((path, parameters) -> {
			for (String parameter : parameters) {
				for (String value : BAD_VALUES) {
					check(failures, "GET", path + "?" + parameter + "=" + value);
				}
			}
			for (String name : BAD_NAMES) {
				check(failures, "GET", path + "?" + name + "=1");
			}
			check(failures, "GET", path + "?&&&=&");
			check(failures, "GET", path + "?a[]=1");
			check(failures, "GET", path + "?{x}=|");
			check(failures, "GET", path + "?per_page=1&per_page=2");
		});
		assertThat(failures).isEmpty();
	}

	@Test
	void hugeQueryStringsAndPaths() throws Exception {
		List<String> failures = new ArrayList<>();
		for (String path : ENDPOINTS.keySet()) {
			check(failures, "GET", path + "?station_id=" + "A".repeat(100 * 1024));
			check(failures, "GET", path + "?" + "a=1&".repeat(5000));
			check(failures, "GET", path + "?station_id=" + "A".repeat(7000));
		}
		check(failures, "GET", "/api/stations/" + "A".repeat(100 * 1024));
		check(failures, "GET", "/api/stations/" + "A".repeat(7000));
		check(failures, "GET", "/" + "a/".repeat(3000));
		assertThat(failures).isEmpty();
	}

	@Test
	void malformedPaths() throws Exception {
		List<String> failures = new ArrayList<>();
		for (String path : List.of("/api/stations/A%2FB", "/api/stations/A%00B", "/api/stations/%00",
				"/api/stations/A%5CB", "/api/stations/%FF%FE", "/api/stations/%C0%80", "/api/stations/%ZZ",
				"/api/stations/%", "/api/stations/A%01B", "/api/stations/A%0AB", "/api/stations/..%2F..%2Fetc",
				"/api/%2e%2e/%2e%2e/etc/passwd", "/api/../../etc/passwd", "/api//weather", "/api/weather;x=1",
				"/api/stations/ALPHA1;jsessionid=1", "/api/jobs/99999999999999999999", "/api/jobs/-1",
				"/api/jobs/1e3", "/api/jobs/%00", "/api/jobs/1/rejects/..", "/api/jobs/abc/rejects",
				"/api/weather/stats/extra", "/error", "/error?x=%ZZ", "/error/x", "/actuator/env", "/actuator/beans",
				"/actuator/heapdump", "/actuator/health/%00", "/actuator/health/unknown", "/nothing",
				"/api/stations/%E2%82%AC", "/%2F%2F", "/api/weather%20", "/api/weather%00", "*")) {
			check(failures, "GET", path);
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void otherMethods() throws Exception {
		List<String> failures = new ArrayList<>();
		for (String path : ENDPOINTS.keySet()) {
			for (String method : METHODS) {
				check(failures, method, path, "Content-Length: 0");
			}
			check(failures, "POST", path + "?station_id=%ZZ", "Content-Type: application/x-www-form-urlencoded",
					"Content-Length: 7", "", "a=%ZZ&b");
			check(failures, "PUT", path, "Content-Type: application/x-www-form-urlencoded", "Content-Length: 5",
					"", "%%%=1");
			check(failures, "DELETE", path, "Content-Type: application/json", "Content-Length: 3", "", "{x:");
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void strangeHeaders() throws Exception {
		List<String> failures = new ArrayList<>();
		for (String path : ENDPOINTS.keySet()) {
			for (String accept : ACCEPTS) {
				check(failures, "GET", path, "Accept: " + accept);
			}
			check(failures, "GET", path, "If-None-Match: \u0000\"x");
			check(failures, "GET", path, "If-None-Match: *");
			check(failures, "GET", path, "Range: bytes=-5");
			check(failures, "GET", path, "Origin: http://evil.example");
			check(failures, "GET", path, "X-Big: " + "b".repeat(20 * 1024));
			check(failures, "GET", path, "Content-Length: -1");
			check(failures, "GET", path, "Transfer-Encoding: gzip, chunked");
			check(failures, "GET", path, "Accept-Charset: x-unknown");
			check(failures, "GET", path, "Accept-Language: \u00ff\u00ff");
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void aForgedCursorWithNulNeverReachesTheDatabase() throws Exception {
		PageRequest stations = PageRequest.of(null, null, null, "all stations");
		String cursor = new Cursor(stations.fingerprint(), 2, List.of("ALPHA1\u0000")).encode();
		List<String> failures = new ArrayList<>();
		check(failures, "GET", "/api/stations?cursor=" + cursor);
		assertThat(failures).isEmpty();
		RawHttp.Response response = RawHttp.send(this.port, "GET", "/api/stations?cursor=" + cursor);
		assertThat(response.status()).isEqualTo(400);
		assertThat(problem(response).get("parameter").asString()).isEqualTo("cursor");
	}

	@Test
	void brokenEncodingsNameTheParameter() throws Exception {
		for (String query : List.of("cursor=%%%", "start_date=%ZZ", "station_id=%FF%FE", "station_id=%C0%80",
				"station_id=USC00110072%00")) {
			for (String path : List.of("/api/weather", "/api/weather/stats", "/api/weather?format=csv&x")) {
				String target = path.contains("?") ? path.replace("&x", "&" + query) : path + "?" + query;
				RawHttp.Response response = RawHttp.send(this.port, "GET", target);
				String name = query.substring(0, query.indexOf('='));
				assertThat(response.status()).as(target).isEqualTo(400);
				assertThat(problem(response).get("parameter").asString()).as(target).isEqualTo(name);
			}
		}
		RawHttp.Response name = RawHttp.send(this.port, "GET", "/api/jobs/1/rejects?%ZZ=1");
		assertThat(name.status()).isEqualTo(400);
		assertThat(problem(name).get("parameter").asString()).isEqualTo("%ZZ");
		RawHttp.Response health = RawHttp.send(this.port, "GET", "/api/health?%ZZ=1");
		assertThat(health.status()).isEqualTo(400);
	}

	@Test
	void limitsAndMethodsAreNamedInTheirProblems() throws Exception {
		RawHttp.Response tooLong = RawHttp.send(this.port, "GET", "/api/weather?station_id=" + "A".repeat(100 * 1024));
		assertThat(tooLong.status()).isIn(400, 414);
		assertThat(problem(tooLong).get("detail").asString()).contains("server.max-http-request-header-size");
		RawHttp.Response post = RawHttp.send(this.port, "POST", "/api/weather", "Content-Length: 0");
		assertThat(post.status()).isEqualTo(405);
		problem(post);
		RawHttp.Response xml = RawHttp.send(this.port, "GET", "/api/weather", "Accept: application/xml");
		RawHttp.Response xmlOne = RawHttp.send(this.port, "GET", "/api/jobs/1", "Accept: application/xml");
		assertThat(xml.status()).as("a list and a single resource answer alike").isEqualTo(406)
			.isEqualTo(xmlOne.status());
		problem(xml);
		problem(xmlOne);
		RawHttp.Response error = RawHttp.send(this.port, "GET", "/error");
		assertThat(error.status()).isEqualTo(404);
		problem(error);
	}

	private void check(List<String> failures, String method, String target, String... headersAndBody) {
		List<String> headers = new ArrayList<>();
		String body = null;
		for (int i = 0; i < headersAndBody.length; i++) {
			if (headersAndBody[i].isEmpty()) {
				body = String.join("", List.of(headersAndBody).subList(i + 1, headersAndBody.length));
				break;
			}
			headers.add(headersAndBody[i]);
		}
		String description = method + " " + abbreviate(target) + " " + headers.stream().map(MalformedRequestFuzzTests::abbreviate).toList();
		try {
			RawHttp.Response response;
			if (body == null) {
				response = RawHttp.send(this.port, method, target, headers.toArray(String[]::new));
			}
			else {
				StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
						+ "Connection: close\r\n");
				headers.forEach((header) -> request.append(header).append("\r\n"));
				request.append("\r\n").append(body);
				response = RawHttp.exchange(this.port,
						request.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
			}
			String problem = verdict(method, response);
			if (problem != null) {
				failures.add(description + " -> " + response.status() + " " + problem + ": "
						+ abbreviate(response.body()));
			}
		}
		catch (Exception ex) {
			failures.add(description + " -> " + ex);
		}
	}

	/** Null if the response is acceptable, else what is wrong with it. */
	private static String verdict(String method, RawHttp.Response response) {
		if (response.status() == 0) {
			return "no response";
		}
		if (response.status() >= 500) {
			return "a server error";
		}
		if (response.status() < 400 || method.equals("HEAD")) {
			return null;
		}
		String type = response.header("content-type");
		if (type == null || !type.startsWith("application/problem+json")) {
			return "not a problem document (" + type + ")";
		}
		JsonNode problem;
		try {
			problem = JSON.readTree(response.body());
		}
		catch (Exception ex) {
			return "not JSON";
		}
		if (problem.path("status").asInt() != response.status() || problem.path("title").asString("").isEmpty()) {
			return "a problem without its status and title";
		}
		String body = response.body();
		if (body.contains("Exception") || body.contains("\tat ") || body.contains("<html")) {
			return "internals in the problem";
		}
		return null;
	}

	private static JsonNode problem(RawHttp.Response response) throws Exception {
		assertThat(verdict("GET", response)).as(response.body()).isNull();
		return JSON.readTree(response.body());
	}

	private static String abbreviate(String text) {
		return (text.length() <= 120) ? text : text.substring(0, 120) + "...(" + text.length() + ")";
	}

	private static Map<String, List<String>> endpoints() {
		List<String> page = List.of("page", "per_page", "cursor", "format");
		Map<String, List<String>> endpoints = new LinkedHashMap<>();
		endpoints.put("/api/weather", concat(List.of("station_id", "start_date", "end_date"), page));
		endpoints.put("/api/weather/stats", concat(List.of("station_id", "year", "start_year", "end_year"), page));
		endpoints.put("/api/stations", page);
		endpoints.put("/api/stations/ALPHA1", List.of("x"));
		endpoints.put("/api/jobs", concat(List.of("status"), page));
		endpoints.put("/api/jobs/1", List.of("x"));
		endpoints.put("/api/jobs/1/rejects", page);
		endpoints.put("/api/health", List.of("x"));
		endpoints.put("/actuator/health/liveness", List.of("x"));
		endpoints.put("/actuator/health/readiness", List.of("x"));
		endpoints.put("/actuator/info", List.of("x"));
		endpoints.put("/v3/api-docs", List.of("x"));
		return endpoints;
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
