package com.example.weather.batch.ingest;

import java.util.regex.Pattern;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One station's input file: where it is, and the station it holds. The station id is the file name without
 * {@code .txt} or {@code .txt.gz}, and a station id is 1 to 20 upper-case letters, digits, {@code -} or {@code _},
 * starting with a letter or digit ({@code USC00110072}): what GHCN and similar networks use. Any other name
 * ({@code notes.txt}, {@code my station.txt}) is not a station file.
 *
 * @param location a Spring resource location ({@code file:...} or {@code s3://bucket/key})
 */
public record StationFile(String location, String fileName, String stationId) {

	private static final Pattern STATION_ID = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,19}");

	/** Whether {@code fileName} ends in {@code .txt} or {@code .txt.gz}, as station files do. */
	public static boolean hasStationFileExtension(String fileName) {
		return fileName.endsWith(".txt") || fileName.endsWith(".txt.gz");
	}

	/** The station file behind a name, or null when the name is not a station file's. */
	public static StationFile of(String location, String fileName) {
		String stationId;
		if (fileName.endsWith(".txt")) {
			stationId = fileName.substring(0, fileName.length() - ".txt".length());
		}
		else if (fileName.endsWith(".txt.gz")) {
			stationId = fileName.substring(0, fileName.length() - ".txt.gz".length());
		}
		else {
			return null;
		}
		if (!STATION_ID.matcher(stationId).matches()) {
			return null;
		}
		return new StationFile(location, fileName, stationId);
	}

	ExecutionContext toExecutionContext() {
		ExecutionContext context = new ExecutionContext();
		context.putString(FileStepContext.LOCATION, this.location);
		context.putString(FileStepContext.FILE_NAME, this.fileName);
		context.putString(FileStepContext.STATION_ID, this.stationId);
		return context;
	}

	public static StationFile from(ExecutionContext context) {
		return new StationFile(context.getString(FileStepContext.LOCATION),
				context.getString(FileStepContext.FILE_NAME), context.getString(FileStepContext.STATION_ID));
	}

}
