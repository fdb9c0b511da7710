package com.example.weather.batch.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;

import io.awspring.cloud.s3.S3Resource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.batch.infrastructure.item.file.BufferedReaderFactory;
import org.springframework.core.io.Resource;

/**
 * Opens a station file as a stream of lines: decompressed on the fly when it ends in {@code .gz}, with a UTF-8
 * byte-order mark dropped and lines kept to a bound ({@link StationLineReader}). Nothing is copied to local disk
 * first, which matters for objects on S3. An S3 object is read only if it still has the ETag it was listed with
 * ({@code If-Match}): a version written since then is refused rather than mixed into this one. A file on disk never
 * loaded before is hashed as it is read ({@link #fingerprint()}), not read a second time for it.
 */
public class StationFileReaderFactory implements BufferedReaderFactory {

	private static final int BUFFER_SIZE = 64 * 1024;

	private static final int PRECONDITION_FAILED = 412;

	private final String fileName;

	private final S3Client s3Client;

	private final String eTag;

	private final MessageDigest digest;

	private StationLineReader reader;

	private DigestInputStream bytes;

	private String fingerprint;

	/**
	 * @param s3Client reads objects on S3, or null
	 * @param eTag the ETag an S3 object was listed with, or null
	 * @param fingerprintWhileReading whether to hash the file's bytes as they are read
	 */
	public StationFileReaderFactory(String fileName, S3Client s3Client, String eTag,
			boolean fingerprintWhileReading) {
		this.fileName = fileName;
		this.s3Client = s3Client;
		this.eTag = eTag;
		this.digest = fingerprintWhileReading ? IngestFileManifest.newDigest() : null;
	}

	@Override
	public BufferedReader create(Resource resource, String encoding) throws IOException {
		InputStream in = open(resource);
		if (this.digest != null) {
			this.digest.reset();
			this.fingerprint = null;
			in = this.bytes = new DigestInputStream(in, this.digest);
		}
		String name = resource.getFilename();
		if (name != null && name.endsWith(".gz")) {
			in = new GZIPInputStream(in, BUFFER_SIZE);
		}
		this.reader = new StationLineReader(new InputStreamReader(in, Charset.forName(encoding)));
		return this.reader;
	}

	/**
	 * The fingerprint of the file's bytes, once its last line was read: the bytes after it (a gzip trailer, anything
	 * past it) go through the digest too, so that it is the fingerprint of the whole file, as
	 * {@link IngestFileManifest} takes it.
	 */
	String fingerprint() throws IOException {
		if (this.fingerprint == null) {
			byte[] rest = new byte[BUFFER_SIZE];
			while (this.bytes.read(rest) >= 0) {
				// digested as read
			}
			this.fingerprint = IngestFileManifest.fingerprint(this.digest);
		}
		return this.fingerprint;
	}

	boolean fingerprintsWhileReading() {
		return this.digest != null;
	}

	/** The length of the line read last, before it was cut to {@link ObservationLine#MAX_LENGTH}. */
	long lastLineLength() {
		return this.reader.lastLength();
	}

	private InputStream open(Resource resource) throws IOException {
		if (!(resource instanceof S3Resource s3) || this.s3Client == null || this.eTag == null) {
			return resource.getInputStream();
		}
		try {
			return this.s3Client.getObject((request) -> request.bucket(s3.getLocation().getBucket())
				.key(s3.getLocation().getObject())
				.ifMatch(this.eTag));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == PRECONDITION_FAILED) {
				throw new StationFileException(this.fileName, "changed since it was listed (ETag " + this.eTag
						+ " no longer matches): rerun the same run.date to read its new version");
			}
			throw ex;
		}
	}

}
