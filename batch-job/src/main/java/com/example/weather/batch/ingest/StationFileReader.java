package com.example.weather.batch.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;

import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the lines of the partition's station file, numbered as an editor numbers them. A Spring Batch
 * {@link FlatFileItemReader} does the reading and keeps the restart position.
 * <p>
 * A file that cannot be read as it is fails its partition with a {@link StationFileException} naming it: empty, not
 * gzip, cut short, or changed while it is read. Changed means, on disk, that its size or modification time is no
 * longer what it was listed with, checked when it is opened and at every chunk boundary (a chunk read from a file
 * that changed is rolled back); on S3, that its ETag changed ({@link StationFileReaderFactory}).
 * <p>
 * A file listed without a fingerprint (on disk, never loaded before) is hashed as it is read; at its end, the
 * fingerprint goes into the partition's context, for {@link IngestFileManifest} to record.
 * <p>
 * One instance serves every partition, without step scope: each partition runs on a thread of its own from
 * {@link #open} to {@link #close}, so the file it reads is kept per thread. A step-scoped proxy would look the bean
 * up on every line, a cost that showed in the job's CPU profile (bench/README.md).
 */
public class StationFileReader implements ItemStreamReader<ObservationLine> {

	private final ResourceLoader resourceLoader;

	private final S3Client s3Client;

	private final ThreadLocal<OpenFile> current = new ThreadLocal<>();

	/** @param s3Client reads objects on S3 (with {@code If-Match}), or null */
	public StationFileReader(ResourceLoader resourceLoader, S3Client s3Client) {
		this.resourceLoader = resourceLoader;
		this.s3Client = s3Client;
	}

	private record OpenFile(StationFile file, Resource resource, FlatFileItemReader<ObservationLine> reader,
			StationFileReaderFactory lines, ExecutionContext context, long size, long lastModified) {

		/** Fails the file if it is on disk and no longer the version it was listed with. */
		void checkUnchanged() {
			if (!this.resource.isFile()) {
				return;
			}
			try {
				long size = this.resource.contentLength();
				long lastModified = this.resource.lastModified();
				if (size != this.size || lastModified != this.lastModified) {
					throw new StationFileException(this.file.fileName(), ("changed while it was read (size %d, "
							+ "modified %d; listed with size %d, modified %d): rerun the same run.date once it is "
							+ "written").formatted(size, lastModified, this.size, this.lastModified));
				}
			}
			catch (IOException ex) {
				throw new StationFileException(this.file.fileName(), "cannot be read: " + ex.getMessage());
			}
		}

	}

	@Override
	public void open(ExecutionContext executionContext) {
		StationFile file = StationFile.from(executionContext);
		Resource resource = this.resourceLoader.getResource(file.location());
		long size = executionContext.getLong(FileStepContext.SIZE, -1);
		if (size == 0) {
			throw new StationFileException(file.fileName(), "is empty (0 bytes)");
		}
		String fingerprint = executionContext.getString(FileStepContext.FINGERPRINT, "");
		StationFileReaderFactory lines = new StationFileReaderFactory(file.fileName(), this.s3Client,
				fingerprint.startsWith("etag:") ? fingerprint.substring("etag:".length()) : null,
				fingerprint.isEmpty());
		FlatFileItemReader<ObservationLine> reader = new FlatFileItemReaderBuilder<ObservationLine>()
			.name("stationFileReader")
			.resource(resource)
			.bufferedReaderFactory(lines)
			// every line is data: a '#' line is rejected, not silently skipped as a comment
			.comments()
			.lineMapper((line, lineNumber) -> new ObservationLine(file.stationId(), file.fileName(), lineNumber, line,
					lines.lastLineLength()))
			.build();
		OpenFile open = new OpenFile(file, resource, reader, lines, executionContext, size,
				executionContext.getLong(FileStepContext.LAST_MODIFIED, -1));
		open.checkUnchanged();
		try {
			reader.open(executionContext);
		}
		catch (RuntimeException ex) {
			throw unreadable(file, ex);
		}
		this.current.set(open);
	}

	@Override
	public ObservationLine read() throws Exception {
		OpenFile open = this.current.get();
		try {
			ObservationLine line = open.reader().read();
			if (line == null && open.lines().fingerprintsWhileReading()) {
				open.context().putString(FileStepContext.FINGERPRINT, open.lines().fingerprint());
			}
			return line;
		}
		catch (RuntimeException ex) {
			throw unreadable(open.file(), ex);
		}
	}

	@Override
	public void update(ExecutionContext executionContext) {
		OpenFile open = this.current.get();
		// at each chunk boundary, before the chunk commits
		open.checkUnchanged();
		open.reader().update(executionContext);
	}

	@Override
	public void close() {
		OpenFile open = this.current.get();
		this.current.remove();
		if (open != null) {
			open.reader().close();
		}
	}

	/** A file problem as one line naming the file; anything else as it is. */
	private static RuntimeException unreadable(StationFile file, RuntimeException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StationFileException stationFile) {
				return stationFile;
			}
			if (cause instanceof ZipException) {
				return new StationFileException(file.fileName(), "is not a gzip file (" + cause.getMessage() + ")");
			}
			if (cause instanceof EOFException) {
				return new StationFileException(file.fileName(),
						"is cut short: it ends in the middle of its gzip data (" + cause.getMessage() + ")");
			}
			if (cause instanceof IOException) {
				return new StationFileException(file.fileName(), "cannot be read: " + cause.getMessage());
			}
		}
		return failure;
	}

}
