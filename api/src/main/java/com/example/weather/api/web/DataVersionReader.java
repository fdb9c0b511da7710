package com.example.weather.api.web;

/**
 * Reads the data versions from where they are kept, the job repository: {@link DataVersions} asks it at most once
 * per time to live.
 */
public interface DataVersionReader {

	/** The newest completed load, or {@link DataVersion#NONE}. */
	DataVersion lastLoad();

	/** The state of the job history, or {@link DataVersion#NONE} before the first execution. */
	DataVersion jobHistory();

}
