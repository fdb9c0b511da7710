package com.example.weather.api.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
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
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			throw new BadParameterException(HttpHeaders.ACCEPT, "'Accept' could not be parsed as a list of media types");
		}
		MimeTypeUtils.sortBySpecificity(accepted);
		for (MediaType type : accepted) {
			if (type.getQualityValue() == 0) {
				continue;
			}
			if (type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType()) {
				return CSV;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return JSON;
			}
		}
		throw new NotAcceptableException("'Accept' admits neither application/json nor text/csv, the two "
				+ "representations of a list");
	}

}
