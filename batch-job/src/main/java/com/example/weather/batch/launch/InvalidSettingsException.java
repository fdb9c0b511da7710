package com.example.weather.batch.launch;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The command line or a setting is wrong: the job stops before it connects to anything, with exit code 2
 * ({@link IngestExitCode#INVALID_ARGUMENTS}) and the message, reported by {@link InvalidSettingsFailureAnalyzer}.
 */
public class InvalidSettingsException extends RuntimeException implements ExitCodeGenerator {

	public InvalidSettingsException(String message) {
		super(message);
	}

	@Override
	public int getExitCode() {
		return IngestExitCode.INVALID_ARGUMENTS.code();
	}

}
