package com.example.weather.batch.launch;

/**
 * The process exit codes, so that a scheduler (ECS, cron) sees at once whether the night loaded.
 */
public enum IngestExitCode {

	/** The run completed, now or in an earlier execution of the same {@code run.date}. */
	COMPLETED(0),
	/** The run failed or was stopped: rerun the same {@code run.date} to resume it. */
	NOT_COMPLETED(1),
	/** The command line is wrong; nothing was touched. */
	INVALID_ARGUMENTS(2),
	/** Another run holds the lock; nothing was touched. */
	ALREADY_RUNNING(3);

	private final int code;

	IngestExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
