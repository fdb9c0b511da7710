package com.example.weather.batch.ingest;

/**
 * A station file that cannot be loaded as it is (empty, not gzip, cut short, changed while it was read): its
 * partition fails with this one-line reason, which names the file; the other files load, and the rerun after the
 * file is fixed loads it.
 */
public class StationFileException extends RuntimeException {

	public StationFileException(String fileName, String reason) {
		super(fileName + ": " + reason);
	}

}
