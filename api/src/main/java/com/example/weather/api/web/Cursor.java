package com.example.weather.api.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Where the next page starts: the sort key of the last row served, the number of the page it leads to, and a
 * fingerprint of the filters and page size it was made for. Opaque to clients (URL-safe base64).
 * <p>
 * The page number travels in the cursor so that a page reached by cursor still reports its {@code page}; the
 * fingerprint makes a cursor reused with other filters a 400 rather than a silently wrong page.
 */
public record Cursor(String fingerprint, int page, List<String> key) {

	private static final String VERSION = "1";

	private static final char SEPARATOR = '|';

	public String encode() {
		StringBuilder text = new StringBuilder(VERSION).append(SEPARATOR)
			.append(this.fingerprint)
			.append(SEPARATOR)
			.append(this.page);
		for (String part : this.key) {
			text.append(SEPARATOR).append(part);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a cursor from the {@code cursor} parameter, or fails with a 400 naming it. */
	public static Cursor decode(String encoded) {
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		if (text.chars().anyMatch((c) -> c < 0x20 || c == 0x7F || c == 0xFFFD)) {
			// never a cursor this API issued (keys are station ids, dates, numbers); NUL would reach the database
			throw invalid();
		}
		String[] parts = text.split("\\|", -1);
		if (parts.length < 4 || !VERSION.equals(parts[0])) {
			throw invalid();
		}
		int page;
		try {
			page = Integer.parseInt(parts[2]);
		}
		catch (NumberFormatException ex) {
			throw invalid();
		}
		if (page < 2) {
			throw invalid();
		}
		return new Cursor(parts[1], page, List.of(Arrays.copyOfRange(parts, 3, parts.length)));
	}

	/** The key of a list sorted by {@code parts} columns; a key of another shape is an invalid cursor. */
	List<String> key(int parts) {
		if (this.key.size() != parts) {
			throw invalid();
		}
		return this.key;
	}

	/** A part of a key, read by {@code reader} (a date, a number); one it cannot read is an invalid cursor. */
	public static <V> V part(String text, Function<String, V> reader) {
		try {
			return reader.apply(text);
		}
		catch (RuntimeException ex) {
			throw invalid();
		}
	}

	public static BadParameterException invalid() {
		return new BadParameterException("cursor",
				"'cursor' is not a cursor this API issued; use the next_cursor of the previous page");
	}

}
