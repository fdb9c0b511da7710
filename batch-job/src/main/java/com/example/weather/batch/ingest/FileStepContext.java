package com.example.weather.batch.ingest;

/**
 * The keys of an {@code ingestFile} partition's step execution context, all in one place: what the partitioner
 * gives the partition, what its reader, validator and writer keep there to survive a restart, and the counts the
 * report and the API read. The API reads the counts by these same strings: they never change. The process that ran
 * the partition is under {@link com.example.weather.batch.partitioning.WorkerIdentity#KEY}, shared with the
 * statistics step.
 */
public final class FileStepContext {

	/** The file's location, as the partitioner found it. */
	static final String LOCATION = "file.location";

	/** The file's name, present only in file partitions: how the report tells them from other steps. */
	static final String FILE_NAME = "file.name";

	static final String STATION_ID = "file.station";

	/** The version of the file the partition was given, checked again when it opens. */
	static final String FINGERPRINT = "file.fingerprint";

	static final String SIZE = "file.size";

	static final String LAST_MODIFIED = "file.last-modified";

	/** Where the {@code FlatFileItemReader} named {@code stationFileReader} keeps its restart position. */
	static final String READ_COUNT = "stationFileReader.read.count";

	/** The dates the validator has seen, so that a restart still rejects a duplicate day. */
	static final String SEEN_DATES = "validator.seen-dates";

	public static final String INSERTED = "ingest.inserted";

	public static final String UPDATED = "ingest.updated";

	public static final String UNCHANGED = "ingest.unchanged";

	public static final String REJECTED = "ingest.rejected";

	/** The four counts, in the order the report prints them; the job's totals use the same keys. */
	static final String[] COUNTS = { INSERTED, UPDATED, UNCHANGED, REJECTED };

	private FileStepContext() {
	}

}
