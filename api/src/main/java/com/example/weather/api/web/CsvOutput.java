package com.example.weather.api.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * Writes a list as CSV (RFC 4180) straight to the response, row by row as the database returns them, so that an
 * export of any size runs in constant memory.
 */
public final class CsvOutput {

	private CsvOutput() {
	}

	/** A sink for the rows of one CSV response. */
	public interface Rows {

		void row(Object... values);

	}

	/**
	 * Sends the header, then whatever rows {@code body} writes. Once rows are sent the status cannot change: a
	 * failure midway ends the response early, and the error is logged by the caller's error handling.
	 */
	public static void write(HttpServletResponse response, String fileName, List<String> header,
			Consumer<Rows> body) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"");
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		Rows rows = (values) -> {
			try {
				for (int i = 0; i < values.length; i++) {
					if (i > 0) {
						writer.write(',');
					}
					writer.write(escape(values[i]));
				}
				writer.write("\r\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
		rows.row(header.toArray());
		body.accept(rows);
		writer.flush();
	}

	static String escape(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
