package com.example.weather.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code static final String} constants of a class of the project, read from its source: this module depends
 * on no other (the job and the API are executable jars), yet checks the plan against the names the code uses.
 */
final class JavaConstants {

	private static final Pattern CONSTANT = Pattern
		.compile("static\\s+final\\s+String\\s+([A-Z0-9_]+)\\s*=\\s*\"([^\"]*)\"\\s*;");

	private JavaConstants() {
	}

	/** Name to value, e.g. {@code ROWS_REJECTED=ingest.rows.rejected}, of a source file under the repository. */
	static Map<String, String> of(String sourceFile) {
		Path file = TerraformPlan.file(sourceFile);
		Map<String, String> constants = new LinkedHashMap<>();
		Matcher matcher = CONSTANT.matcher(TerraformPlan.text(file));
		while (matcher.find()) {
			constants.put(matcher.group(1), matcher.group(2));
		}
		if (constants.isEmpty()) {
			throw new IllegalStateException("No String constant in " + file);
		}
		return constants;
	}

}
