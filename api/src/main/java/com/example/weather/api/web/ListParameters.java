package com.example.weather.api.web;

/**
 * The parameters every list endpoint takes besides its filter, as the request gave them: which page, and whether
 * JSON or CSV. {@link Lists} validates them.
 *
 * @param page {@code page}, or null
 * @param perPage {@code per_page}, or null
 * @param cursor {@code cursor}, or null
 * @param format {@code format}, or null (also for a list that is JSON only)
 * @param accept the {@code Accept} header, or null (also for a list that is JSON only: content negotiation
 * answers that)
 */
public record ListParameters(Integer page, Integer perPage, String cursor, String format, String accept) {

	/** The parameters of a list that is only JSON, which takes no {@code format}. */
	public static ListParameters jsonOnly(Integer page, Integer perPage, String cursor) {
		return new ListParameters(page, perPage, cursor, null, null);
	}

	PageRequest pageRequest(Object fingerprint) {
		return PageRequest.of(this.page, this.perPage, this.cursor, fingerprint);
	}

	ListFormat listFormat() {
		return ListFormat.of(this.format, this.accept);
	}

}
