package com.example.weather.api.web;

import com.example.weather.api.support.WarehouseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ETags come from the last completed load (execution 2 of the fixture load), or for the job history from the
 * job repository's last change.
 */
@WarehouseTest
class HttpCachingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void dataResponsesCarryAnETagOfTheLastCompletedLoadAndCacheUntilTheNextOne() throws Exception {
		for (String url : new String[] { "/api/weather", "/api/weather/stats?year=2021", "/api/stations",
				"/api/stations/ALPHA1" }) {
			MockHttpServletResponse response = this.mvc.perform(get(url))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "public, max-age=60, s-maxage=3600"))
				.andReturn()
				.getResponse();
			assertThat(response.getHeader("ETag")).as(url).startsWith("\"load-2-").endsWith("-json\"");
		}
	}

	@Test
	void aMatchingIfNoneMatchIsNotModified() throws Exception {
		String etag = this.mvc.perform(get("/api/weather?station_id=ALPHA1"))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		this.mvc.perform(get("/api/weather?station_id=ALPHA1").header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", etag))
			.andExpect(content().string(""));
		this.mvc.perform(get("/api/weather?station_id=ALPHA1").header("If-None-Match", "\"load-1-0-json\""))
			.andExpect(status().isOk());
	}

	@Test
	void csvAndJsonOfOneUrlHaveDifferentTags() throws Exception {
		String json = this.mvc.perform(get("/api/stations")).andReturn().getResponse().getHeader("ETag");
		MockHttpServletResponse csv = this.mvc.perform(get("/api/stations").accept("text/csv"))
			.andReturn()
			.getResponse();
		assertThat(csv.getHeader("ETag")).isNotEqualTo(json).endsWith("-csv\"");
		assertThat(csv.getHeaders("Vary")).contains("Accept");
		this.mvc.perform(get("/api/stations").accept("text/csv").header("If-None-Match", json))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/stations").accept("text/csv").header("If-None-Match", csv.getHeader("ETag")))
			.andExpect(status().isNotModified());
	}

	@Test
	void theJobHistoryIsRevalidatedOnEveryUse() throws Exception {
		String etag = this.mvc.perform(get("/api/jobs/1"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-cache"))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		assertThat(etag).startsWith("\"jobs-2-");
		this.mvc.perform(get("/api/jobs/1").header("If-None-Match", etag)).andExpect(status().isNotModified());
		this.mvc.perform(get("/api/jobs/1/rejects").header("If-None-Match", etag))
			.andExpect(status().isNotModified());
	}

	@Test
	void browsersOfOtherOriginsAreNotLetInByDefault() throws Exception {
		// the web console is same-origin; other origins need weather.api.cors.allowed-origins
		this.mvc.perform(get("/api/stations").header("Origin", "https://example.org"))
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
		this.mvc.perform(options("/api/weather").header("Origin", "https://example.org")
			.header("Access-Control-Request-Method", "GET"))
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
	}

}
