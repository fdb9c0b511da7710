package com.example.weather.api.support;

import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The two ways a client asks a list for CSV: {@code format=csv}, or an {@code Accept} of {@code text/csv}.
 */
public final class CsvLists {

	private CsvLists() {
	}

	/** Asks {@code path} (without a query) for CSV both ways and expects a CSV answer each time. */
	public static void expectCsvByFormatAndByAccept(MockMvc mvc, String path) throws Exception {
		mvc.perform(get(path + "?format=csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"));
		mvc.perform(get(path).accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"));
	}

}
