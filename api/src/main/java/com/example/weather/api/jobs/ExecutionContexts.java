package com.example.weather.api.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the execution contexts the job repository stores. Spring Batch's default serializer writes a context as a
 * Java-serialized map, Base64-encoded; the job puts only numbers and strings in it, so only classes of
 * {@code java.lang} and {@code java.util} are accepted, and the API needs no Spring Batch on its class path.
 */
final class ExecutionContexts {

	private static final ObjectInputFilter JDK_VALUES_ONLY = ObjectInputFilter.Config
		.createFilter("maxdepth=10;java.lang.*;java.util.*;!*");

	private ExecutionContexts() {
	}

	/** The context's entries; empty when there is none or it cannot be read (it is shown, never needed). */
	static Map<String, Object> read(String serialized) {
		if (serialized == null || serialized.isBlank()) {
			return Map.of();
		}
		InputStream bytes = Base64.getDecoder()
			.wrap(new ByteArrayInputStream(serialized.getBytes(StandardCharsets.ISO_8859_1)));
		try (ObjectInputStream in = new ObjectInputStream(bytes)) {
			in.setObjectInputFilter(JDK_VALUES_ONLY);
			return (in.readObject() instanceof Map<?, ?> map) ? copy(map) : Map.of();
		}
		catch (IOException | ClassNotFoundException | RuntimeException ex) {
			return Map.of();
		}
	}

	/** A number the context holds under {@code key}, or null. */
	static Long number(Map<String, Object> context, String key) {
		return (context.get(key) instanceof Number number) ? number.longValue() : null;
	}

	/** A string the context holds under {@code key}, or null. */
	static String string(Map<String, Object> context, String key) {
		return (context.get(key) instanceof String value) ? value : null;
	}

	private static Map<String, Object> copy(Map<?, ?> map) {
		Map<String, Object> copy = new HashMap<>();
		map.forEach((key, value) -> copy.put(String.valueOf(key), value));
		return copy;
	}

}
