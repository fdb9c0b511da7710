package com.example.weather.api.server;

import java.io.IOException;
import java.util.regex.Pattern;

import com.example.weather.api.support.LoadedWarehouse;
import com.example.weather.api.support.RawHttp;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections stay open as the load balancer in front of the API expects: it sends request after request on each
 * one, and closes one that has been idle for its idle timeout (60 s, infra/api.tf), before the API would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LoadedWarehouse.class)
class KeepAliveIntegrationTests {

	/** Past Tomcat's default of 100 requests a connection, after which it would close it. */
	private static final int REQUESTS = 250;

	/** A response's status line: it follows the previous response's body directly. */
	private static final Pattern STATUS_OK = Pattern.compile("HTTP/1\\.1 200 \r\n");

	private static final Pattern CONNECTION_CLOSE = Pattern.compile("\r\nConnection: close\r\n",
			Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	@Test
	void aConnectionServesEveryRequestSentOnItAndIsClosedOnlyWhenTheClientAsks() throws IOException {
		StringBuilder requests = new StringBuilder();
		for (int i = 1; i <= REQUESTS; i++) {
			requests.append("GET /api/stations?per_page=1 HTTP/1.1\r\nHost: localhost\r\n")
				.append((i == REQUESTS) ? "Connection: close\r\n" : "")
				.append("\r\n");
		}

		String responses = RawHttp.exchangeAll(this.port, requests.toString());

		assertThat(STATUS_OK.matcher(responses).results().count()).isEqualTo(REQUESTS);
		assertThat(CONNECTION_CLOSE.matcher(responses).results().count()).as("closed after the last response only")
			.isEqualTo(1);
	}

	@Test
	void anIdleConnectionIsKeptOpenLongerThanTheLoadBalancerKeepsIt() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();

		assertThat((Integer) connector.getProperty("keepAliveTimeout")).as("ms").isGreaterThan(60_000);
	}

}
