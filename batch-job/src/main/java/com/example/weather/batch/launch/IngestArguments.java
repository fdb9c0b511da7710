package com.example.weather.batch.launch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job's command line: {@code run.date=YYYY-MM-DD} (or {@code --run.date=...}, or {@code RUN_DATE} in the
 * environment), defaulting to today in UTC (an empty or future date is refused), and {@code force=true} to read files that have not changed since they
 * were loaded. The date names the job instance: each night is one instance, and
 * running a date again restarts that night if it failed or stopped.
 */
public record IngestArguments(LocalDate runDate, boolean force) {

	public static final String RUN_DATE = "run.date";

	public static final String FORCE = "force";

	private static final List<String> KNOWN = List.of(RUN_DATE, FORCE);

	public IngestArguments(LocalDate runDate) {
		this(runDate, false);
	}

	/**
	 * Parses {@code key=value} arguments; {@code fromEnvironment} is the {@code run.date} property as Spring sees
	 * it ({@code --run.date} or {@code RUN_DATE}), or null.
	 */
	public static IngestArguments parse(List<String> arguments, String fromEnvironment, Clock clock) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException(
						"Argument '" + argument + "' is not of the form key=value; the job takes run.date=YYYY-MM-DD [force=true]");
			}
			String key = argument.substring(0, equals);
			if (!KNOWN.contains(key)) {
				throw new IllegalArgumentException("Unknown job parameter '" + key + "'; the job takes " + KNOWN);
			}
			values.put(key, argument.substring(equals + 1));
		}
		String force = values.getOrDefault(FORCE, "false");
		if (!force.equals("true") && !force.equals("false")) {
			throw new IllegalArgumentException("force must be true or false, got '" + force + "'");
		}
		String runDate = values.getOrDefault(RUN_DATE, fromEnvironment);
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		if (runDate == null) {
			return new IngestArguments(today, Boolean.parseBoolean(force));
		}
		if (runDate.isBlank()) {
			// most likely a variable that expanded to nothing: running today's night instead would hide it
			throw new IllegalArgumentException("run.date is empty; pass run.date=YYYY-MM-DD, or leave it out for today (UTC)");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(runDate.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("run.date must be an ISO date (YYYY-MM-DD), got '" + runDate + "'");
		}
		if (date.isAfter(today)) {
			throw new IllegalArgumentException("run.date " + date + " is in the future (today is " + today + " in UTC)");
		}
		return new IngestArguments(date, Boolean.parseBoolean(force));
	}

	/**
	 * A forced run is its own job instance ({@code force} identifies it only when true), so that it is not mistaken
	 * for the night's completed run, and can itself be restarted by passing the same arguments.
	 */
	public JobParameters toJobParameters() {
		JobParametersBuilder parameters = new JobParametersBuilder().addLocalDate(RUN_DATE, this.runDate);
		if (this.force) {
			parameters.addString(FORCE, "true");
		}
		return parameters.toJobParameters();
	}

}
