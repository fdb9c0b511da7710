package com.example.weather.api.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the API says about a job execution that did not complete: one line naming what failed (the station file,
 * relative to the input location, or the step) and why, in place of the stack trace Spring Batch stores as the
 * exit description. No stack frame, class name of the API's internals, absolute path, bucket or SDK request id
 * reaches a client; the whole trace stays in the job's log and in the job repository's tables.
 * <p>
 * A partitioned step fails with a message that only says a partition failed, so the description is taken from
 * the failed steps themselves: each station file is a partition named {@code ingestFile:<file name>}.
 */
@Component
public class FailureDescriptions {

	static final int MAX_LENGTH = 300;

	private static final String FILE_PARTITION = "ingestFile:";

	private static final Pattern EXCEPTION_LINE = Pattern
		.compile("^(?:Caused by: )?((?:[A-Za-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable))(?::\\s*(.*))?$");

	/** {@code file [/abs/path]}, {@code URL [file:/abs/path]}, Spring's descriptions of a resource. */
	private static final Pattern RESOURCE = Pattern.compile("(?:file|URL|class path resource|resource) \\[([^\\]]*)\\]");

	/** An absolute path or a URL with a path: {@code /data/wx/A.txt}, {@code s3://bucket/prefix/A.txt}. */
	private static final Pattern PATH = Pattern
		.compile("(?<![\\w.])(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?(?://[^/\\s\\]\\[\"'(),;]*)?(?:/[^/\\s\\]\\[\"'(),;]*)+/?|[A-Za-z]:\\\\[^\\s\\]\\[\"'(),;]*");

	/** The AWS SDK's request details: service, status, request ids. */
	private static final Pattern SDK_DETAILS = Pattern.compile("\\s*\\((?:Service|SDK Attempt Count):[^)]*\\)");

	private final NamedParameterJdbcTemplate jdbcTemplate;

	private final JobQueries queries;

	FailureDescriptions(NamedParameterJdbcTemplate jdbcTemplate, JobQueries queries) {
		this.jdbcTemplate = jdbcTemplate;
		this.queries = queries;
	}

	/**
	 * The descriptions of the executions given by id with their stored exit description; an execution without
	 * one (it completed, or still runs) keeps an empty or null description.
	 */
	Map<Long, String> describe(Map<Long, String> exitMessages) {
		Map<Long, String> descriptions = new LinkedHashMap<>();
		List<Long> failed = new ArrayList<>();
		exitMessages.forEach((id, message) -> {
			descriptions.put(id, (message == null || message.isBlank()) ? message : null);
			if (message != null && !message.isBlank()) {
				failed.add(id);
			}
		});
		if (failed.isEmpty()) {
			return descriptions;
		}
		Map<Long, List<String[]>> steps = new LinkedHashMap<>();
		this.jdbcTemplate.query(this.queries.failedSteps, Map.of("ids", failed), (rs) -> {
			steps.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new String[] { rs.getString(2), rs.getString(3) });
		});
		for (Long id : failed) {
			descriptions.put(id, describe(exitMessages.get(id), steps.getOrDefault(id, List.of())));
		}
		return descriptions;
	}

	/**
	 * One line for an execution: what its failed steps say, the station files first, else what the job says.
	 * @param failedSteps name and exit description of each step that did not complete, in order
	 */
	static String describe(String jobExitMessage, List<String[]> failedSteps) {
		List<String[]> files = failedSteps.stream().filter((step) -> step[0].startsWith(FILE_PARTITION)).toList();
		if (!files.isEmpty()) {
			String[] first = files.get(0);
			String file = first[0].substring(FILE_PARTITION.length());
			String reason = reason(first[1]);
			// the job names the file in its own reasons; what Spring Batch wrapped around that adds nothing
			int own = reason.lastIndexOf(file + ": ");
			String line = file + ": " + ((own >= 0) ? reason.substring(own + file.length() + 2) : reason);
			if (files.size() > 1) {
				line += " (and %d more file%s)".formatted(files.size() - 1, (files.size() > 2) ? "s" : "");
			}
			return shorten(line);
		}
		// the deepest step that says something: a partition of the statistics, else the step that ran them
		for (int i = failedSteps.size() - 1; i >= 0; i--) {
			String[] step = failedSteps.get(i);
			if (step[1] != null && !step[1].isBlank() && step[0].indexOf(':') >= 0) {
				return shorten(step[0] + ": " + reason(step[1]));
			}
		}
		return shorten(reason(jobExitMessage));
	}

	/**
	 * The reason a stack trace gives, as one line: the messages of the exception and its causes, outermost first,
	 * each said once, without class names, frames, paths or SDK details.
	 */
	static String reason(String trace) {
		if (trace == null || trace.isBlank()) {
			return "failed";
		}
		List<String> messages = new ArrayList<>();
		String firstType = null;
		for (String raw : trace.split("\\R")) {
			String line = raw.strip();
			Matcher exception = EXCEPTION_LINE.matcher(line);
			if (exception.matches()) {
				if (firstType == null) {
					firstType = simpleName(exception.group(1));
				}
				String message = exception.group(2);
				if (message != null && !message.isBlank()) {
					add(messages, clean(message));
				}
			}
			else if (!line.startsWith("at ") && !line.startsWith("...") && !line.startsWith("Suppressed:")
					&& !line.isEmpty() && messages.isEmpty() && firstType == null) {
				// a plain message (an exit description set by hand)
				add(messages, clean(line));
			}
		}
		if (messages.isEmpty()) {
			return (firstType != null) ? "failed (" + firstType + ")" : "failed";
		}
		return String.join(": ", messages);
	}

	/** Adds a message unless it repeats one already there (wrappers often quote their cause). */
	private static void add(List<String> messages, String message) {
		if (message.isBlank()) {
			return;
		}
		for (int i = 0; i < messages.size(); i++) {
			String known = messages.get(i);
			if (known.contains(message)) {
				return;
			}
			if (message.contains(known)) {
				messages.set(i, message);
				return;
			}
		}
		messages.add(message);
	}

	static String clean(String message) {
		String text = SDK_DETAILS.matcher(message).replaceAll("");
		text = RESOURCE.matcher(text).replaceAll((match) -> Matcher.quoteReplacement(lastSegment(match.group(1))));
		text = PATH.matcher(text).replaceAll((match) -> Matcher.quoteReplacement(lastSegment(match.group())));
		// a cause quoted as "pkg.SomeException: message" keeps the message only
		text = text.replaceAll("(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ", "");
		return text.strip();
	}

	/** A file's name, relative to the folder it was read from; a folder is the input location. */
	private static String lastSegment(String path) {
		String trimmed = path.strip();
		if (trimmed.endsWith("/") || trimmed.endsWith("\\")) {
			return "the input location";
		}
		int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
		String name = trimmed.substring(slash + 1);
		return name.isEmpty() ? "the input location" : name;
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	private static String shorten(String line) {
		String single = line.replaceAll("\\s+", " ").strip();
		return (single.length() <= MAX_LENGTH) ? single : single.substring(0, MAX_LENGTH - 1) + "…";
	}

}
