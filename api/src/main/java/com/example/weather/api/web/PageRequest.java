package com.example.weather.api.web;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The page a list request asks for, by number ({@code page}, offset pagination) or by {@code cursor} (keyset
 * pagination, as cheap on page 30,000 as on page 1).
 *
 * @param page the 1-based page number, also when the page is reached by cursor
 * @param perPage rows per page
 * @param cursor where the page starts, or null for offset pagination
 * @param fingerprint identifies the filters and page size, to issue and check cursors
 */
public record PageRequest(int page, int perPage, Cursor cursor, String fingerprint) {

	public static final int DEFAULT_PER_PAGE = 50;

	public static final int MAX_PER_PAGE = 1000;

	/**
	 * Validates the paging parameters of a request whose filters are {@code filter} (a record, whose
	 * {@code toString} names every filter value).
	 */
	public static PageRequest of(Integer page, Integer perPage, String cursor, Object filter) {
		int size = (perPage != null) ? perPage : DEFAULT_PER_PAGE;
		if (size < 1 || size > MAX_PER_PAGE) {
			throw new BadParameterException("per_page",
					"'per_page' must be between 1 and " + MAX_PER_PAGE + ", was " + perPage);
		}
		if (page != null && page < 1) {
			throw new BadParameterException("page", "'page' must be 1 or more, was " + page);
		}
		String fingerprint = fingerprint(filter, size);
		if (cursor == null || cursor.isBlank()) {
			return new PageRequest((page != null) ? page : 1, size, null, fingerprint);
		}
		if (page != null) {
			throw new BadParameterException("cursor", "give either 'page' or 'cursor', not both");
		}
		Cursor decoded = Cursor.decode(cursor);
		if (!decoded.fingerprint().equals(fingerprint)) {
			throw new BadParameterException("cursor",
					"'cursor' was issued for other filters or another per_page; keep them unchanged while paging");
		}
		return new PageRequest(decoded.page(), size, decoded, fingerprint);
	}

	/** Rows to skip: none when the cursor already says where the page starts. */
	public long offset() {
		return (this.cursor != null) ? 0 : (long) (this.page - 1) * this.perPage;
	}

	/** One more row than the page holds, which tells whether there is a next page. */
	public int limit() {
		return this.perPage + 1;
	}

	public boolean byCursor() {
		return this.cursor != null;
	}

	private static String fingerprint(Object filter, int perPage) {
		CRC32 crc = new CRC32();
		crc.update((filter + "|" + perPage).getBytes(StandardCharsets.UTF_8));
		return Long.toHexString(crc.getValue());
	}

}
