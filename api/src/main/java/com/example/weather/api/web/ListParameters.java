package com.example.weather.api.web;

/**
 * The parameters every list endpoint takes besides its filter, as the request gave them: which page, and whether
 * JSON or CSV (with the request's {@code Accept}, which {@link Lists} reads). {@link Lists} validates them.
 *
 * @param page {@code page}, or null
 * @param perPage {@code per_page}, or null
 * @param cursor {@code cursor}, or null
 * @param format {@code format}, or null (also for a list that is JSON only)
 */
public record ListParameters(Integer page, Integer perPage, String cursor, String format) {

	/** The parameters of a list that is only JSON, which takes no {@code format}. */
	public static ListParameters jsonOnly(Integer page, Integer perPage, String cursor) {
		return new ListParameters(page, perPage, cursor, null);
	}

	PageRequest pageRequest(Object fingerprint) {
		return PageRequest.of(this.page, this.perPage, this.cursor, fingerprint);
	}

}
