package com.example.weather.api.web;

import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * How a list endpoint answers: a JSON page, or the whole filtered list as CSV, chosen by {@code format} or, without
 * it, by the {@code Accept} header.
 */
public enum ListFormat {

	JSON, CSV;

	public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

	public static ListFormat of(String format, String accept) {
		if (format != null) {
			return switch (format.strip().toLowerCase()) {
				case "json" -> JSON;
				case "csv" -> CSV;
				default -> throw new BadParameterException("format", "'format' must be json or csv, was '" + format + "'");
			};
		}
		if (accept == null || accept.isBlank()) {
			return JSON;
		}
		try {
			List<MediaType> accepted = MediaType.parseMediaTypes(accept);
			MimeTypeUtils.sortBySpecificity(accepted);
			for (MediaType type : accepted) {
				if (type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType()) {
					return CSV;
				}
				if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
					return JSON;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			// a malformed Accept header gets the default rather than an error
		}
		return JSON;
	}

}
