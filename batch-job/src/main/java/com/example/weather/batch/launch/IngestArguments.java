package com.example.weather.batch.launch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job's command line: {@code run.date=YYYY-MM-DD} (or {@code --run.date=...}, or {@code RUN_DATE} in the
 * environment), defaulting to today in UTC (an empty or future date is refused), and {@code force=true} to read
 * files that have not changed since they were loaded. The date names the job instance: each night is one instance,
 * and running a date again restarts that night if it failed or stopped.
 * <p>
 * {@code run.date} may also be an ISO-8601 date-time with an offset ({@code 2026-11-25T02:00:00Z}), which stands
 * for its date in UTC: the nightly schedule passes the time it fired, so that its retries, past midnight or not, run
 * the same night, and an operator's {@code run.date=2026-11-25} is the same job instance as the schedule's.
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
		LocalDate date = parseRunDate(runDate.strip());
		if (date.isAfter(today)) {
			throw new IllegalArgumentException("run.date " + date + " is in the future (today is " + today + " in UTC)");
		}
		return new IngestArguments(date, Boolean.parseBoolean(force));
	}

	/** An ISO date, or an ISO date-time with an offset ({@code Z}, {@code +01:00}) taken as its date in UTC. */
	private static LocalDate parseRunDate(String runDate) {
		try {
			if (runDate.indexOf('T') < 0) {
				return LocalDate.parse(runDate);
			}
			return OffsetDateTime.parse(runDate).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("run.date must be an ISO date (YYYY-MM-DD) or an ISO date-time with an "
					+ "offset (YYYY-MM-DDTHH:MM:SSZ), got '" + runDate + "'");
		}
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
