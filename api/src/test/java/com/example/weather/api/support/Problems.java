package com.example.weather.api.support;

import java.util.List;

import org.springframework.test.web.servlet.ResultMatcher;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the API answers to bad input, as MockMvc expectations.
 */
public final class Problems {

	private Problems() {
	}

	/** A 400 problem document that names {@code parameter}, in its field and its detail, and shows no exception. */
	public static ResultMatcher invalidParameter(String parameter) {
		List<ResultMatcher> expectations = List.of(status().isBadRequest(),
				content().contentType("application/problem+json"), jsonPath("$.status").value(400),
				jsonPath("$.title").value("Invalid parameter"), jsonPath("$.parameter").value(parameter),
				jsonPath("$.detail").value(containsString(parameter)),
				content().string(not(containsString("Exception"))));
		return (result) -> {
			for (ResultMatcher expectation : expectations) {
				expectation.match(result);
			}
		};
	}

}
