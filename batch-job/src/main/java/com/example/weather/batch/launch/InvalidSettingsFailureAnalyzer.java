package com.example.weather.batch.launch;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a wrong argument or setting as a message, not a stack trace. */
public class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct it and run again (exit code 2: nothing was touched, not even the database schema).", cause);
	}

}
