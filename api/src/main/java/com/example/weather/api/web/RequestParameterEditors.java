package com.example.weather.api.web;

import java.beans.PropertyEditorSupport;

import org.springframework.beans.PropertyEditorRegistry;

/**
 * Binds the request parameters of type {@code String} with a property editor that keeps the text as given, which is
 * what the conversion service does with them, at a fraction of the cost. The conversion service looks each
 * parameter's converter up in a cache whose key holds the parameter's annotations, and a lookup compares them by
 * reflection: {@code @RequestParam} and the OpenAPI {@code @Parameter} with its {@code @Schema}, for every parameter
 * of every request, 9% of a page's CPU (bench/README.md). A binder asks a registered editor first, by type alone.
 * <p>
 * Other types keep the conversion service, whose rules a repeated parameter shows: {@code page=2&page=3} binds the
 * first value to an {@code Integer}, where an editor would be given both; a repeated {@code String} parameter is
 * joined with commas either way.
 */
final class RequestParameterEditors {

	private RequestParameterEditors() {
	}

	static void register(PropertyEditorRegistry registry) {
		registry.registerCustomEditor(String.class, new Text());
	}

	private static final class Text extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(text);
		}

	}

}
