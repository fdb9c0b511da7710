package com.example.weather.batch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

import io.awspring.cloud.s3.S3Resource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.NoSuchStepException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What the job has loaded, file by file, in {@code ingest_file}: a fingerprint of each file's content as it was when
 * its partition completed. A file whose fingerprint has not changed since is not read again, which is what makes a
 * night without new data take well under a second. The fingerprint is the S3 ETag for objects on S3 (no download
 * needed) and a SHA-256 of the bytes for files on disk: taken as the partition reads a file never loaded before
 * ({@link StationFileReader}), and read apart only when a loaded file's size or modification time changed.
 */
public class IngestFileManifest implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog(IngestFileManifest.class);

	private final JdbcTemplate jdbcTemplate;

	private final S3Client s3Client;

	private final ResourceLoader resourceLoader;

	private final JobRepository jobRepository;

	public IngestFileManifest(JdbcTemplate jdbcTemplate, S3Client s3Client, ResourceLoader resourceLoader,
			JobRepository jobRepository) {
		this.jdbcTemplate = jdbcTemplate;
		this.s3Client = s3Client;
		this.resourceLoader = resourceLoader;
		this.jobRepository = jobRepository;
	}

	/**
	 * A file as loaded, or as it is now.
	 *
	 * @param fingerprint null for a file on disk never loaded before: it is fingerprinted as it is read
	 */
	public record FileVersion(long size, long lastModified, String fingerprint, Long jobExecutionId) {

		public boolean sameContentAs(FileVersion other) {
			return other != null && this.fingerprint != null && this.fingerprint.equals(other.fingerprint);
		}

	}

	/** Every file loaded so far, by location: one query for the whole night. */
	public Map<String, FileVersion> loadedFiles() {
		Map<String, FileVersion> files = new HashMap<>();
		this.jdbcTemplate.query(IngestSql.LOADED_FILES, (RowCallbackHandler) (rs) -> files.put(rs.getString(1),
				new FileVersion(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5))));
		return files;
	}

	/**
	 * The file as it is now. An object on S3 is described by one HEAD request (its ETag is the fingerprint). A file on
	 * disk whose size and modification time are those it was loaded with is taken as unchanged without reading it,
	 * as make and rsync do; one never loaded is read anyway, and hashed as it is (no fingerprint here: hashing every
	 * file of a first load before the first was read kept the partitions waiting); otherwise its bytes are hashed,
	 * so that a file merely touched is still not reloaded.
	 */
	public FileVersion currentVersion(Resource resource, FileVersion loaded) {
		try {
			if (resource instanceof S3Resource s3) {
				HeadObjectResponse head = this.s3Client.headObject((request) -> request
					.bucket(s3.getLocation().getBucket()).key(s3.getLocation().getObject()));
				return new FileVersion(head.contentLength(), head.lastModified().toEpochMilli(), "etag:" + head.eTag(),
						null);
			}
			long size = resource.contentLength();
			long lastModified = resource.lastModified();
			if (loaded == null) {
				return new FileVersion(size, lastModified, null, null);
			}
			if (loaded.size() == size && loaded.lastModified() == lastModified) {
				return new FileVersion(size, lastModified, loaded.fingerprint(), null);
			}
			return new FileVersion(size, lastModified, sha256(resource), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource.getDescription(), ex);
		}
	}

	private static String sha256(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			MessageDigest sha256 = newDigest();
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				sha256.update(buffer, 0, read);
			}
			return fingerprint(sha256);
		}
	}

	/** The digest of a file on disk's bytes, fed by {@link #sha256} or by the reader as it reads. */
	static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The fingerprint of a file on disk, once every byte went through the digest. */
	static String fingerprint(MessageDigest sha256) {
		return "sha256:" + HexFormat.of().formatHex(sha256.digest());
	}

	/**
	 * A file's partition restarted by a later execution reads the file as it is now: it was listed by an earlier
	 * execution, and may have been fixed or rewritten since (which is often why the night failed). If its content
	 * changed, it is read again from its first line; rows already loaded from the old version merge with the new one.
	 */
	@Override
	public void beforeStep(StepExecution step) {
		if (!isRestart(step)) {
			return;
		}
		ExecutionContext context = step.getExecutionContext();
		StationFile file = StationFile.from(context);
		FileVersion listed = new FileVersion(context.getLong(FileStepContext.SIZE),
				context.getLong(FileStepContext.LAST_MODIFIED), context.getString(FileStepContext.FINGERPRINT, null),
				null);
		FileVersion now = currentVersion(this.resourceLoader.getResource(file.location()), listed);
		// a file listed before it was ever loaded has no fingerprint: its size and modification time tell
		boolean changed = (listed.fingerprint() != null) ? !now.sameContentAs(listed)
				: now.size() != listed.size() || now.lastModified() != listed.lastModified();
		if (changed) {
			logger.warn(file.fileName() + " changed since an earlier execution began reading it: reading it again "
					+ "from its first line");
			context.remove(FileStepContext.READ_COUNT);
			context.remove(FileStepContext.SEEN_DATES);
		}
		describeIn(context, now);
	}

	private boolean isRestart(StepExecution step) {
		try {
			return this.jobRepository.getStepExecutionCount(step.getJobExecution().getJobInstance(),
					step.getStepName()) > 1;
		}
		catch (NoSuchStepException ex) {
			return false;
		}
	}

	/** Records a file whose partition completed: its content is in the database now. */
	@Override
	public ExitStatus afterStep(StepExecution step) {
		if (step.getStatus() != BatchStatus.COMPLETED) {
			return null;
		}
		ExecutionContext context = step.getExecutionContext();
		StationFile file = StationFile.from(context);
		Object[] values = { file.stationId(), context.getLong(FileStepContext.SIZE),
				context.getLong(FileStepContext.LAST_MODIFIED), loadedFingerprint(context, file),
				step.getJobExecutionId(), Timestamp.from(Instant.now()), file.location() };
		if (this.jdbcTemplate.update(IngestSql.UPDATE_LOADED_FILE, values) == 0) {
			this.jdbcTemplate.update(IngestSql.INSERT_LOADED_FILE, values);
		}
		return null;
	}

	// the reader puts the fingerprint of a file never loaded before when it reaches the file's end
	private static String loadedFingerprint(ExecutionContext context, StationFile file) {
		String fingerprint = context.getString(FileStepContext.FINGERPRINT, null);
		if (fingerprint == null) {
			throw new IllegalStateException(file.fileName() + " completed without a fingerprint of its content");
		}
		return fingerprint;
	}

	static void describeIn(ExecutionContext context, FileVersion version) {
		if (version.fingerprint() != null) {
			context.putString(FileStepContext.FINGERPRINT, version.fingerprint());
		}
		else {
			context.remove(FileStepContext.FINGERPRINT);
		}
		context.putLong(FileStepContext.SIZE, version.size());
		context.putLong(FileStepContext.LAST_MODIFIED, version.lastModified());
	}

}
