package com.example.weather.batch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import io.awspring.cloud.s3.S3Resource;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the job has loaded, file by file, in {@code ingest_file}: a fingerprint of each file's content as it was when
 * its partition completed. A file whose fingerprint has not changed since is not read again, which is what makes a
 * night without new data take well under a second. The fingerprint is the S3 ETag for objects on S3 (no download
 * needed) and a SHA-256 of the bytes for files on disk.
 */
public class IngestFileManifest implements StepExecutionListener {

	static final String FINGERPRINT_KEY = "file.fingerprint";

	static final String SIZE_KEY = "file.size";

	private final JdbcTemplate jdbcTemplate;

	private final Function<S3Resource, String> s3Fingerprint;

	public IngestFileManifest(JdbcTemplate jdbcTemplate, S3Client s3Client) {
		this.jdbcTemplate = jdbcTemplate;
		this.s3Fingerprint = (resource) -> "etag:" + s3Client
			.headObject((head) -> head.bucket(resource.getLocation().getBucket()).key(resource.getLocation().getObject()))
			.eTag();
	}

	/** The content's fingerprint as it is now. */
	public String fingerprint(Resource resource) {
		if (resource instanceof S3Resource s3) {
			return this.s3Fingerprint.apply(s3);
		}
		try (InputStream in = resource.getInputStream()) {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				sha256.update(buffer, 0, read);
			}
			return "sha256:" + HexFormat.of().formatHex(sha256.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource.getDescription(), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The execution that last loaded this content completely, or null. */
	public Long loadedBy(String location, String fingerprint) {
		List<Long> executions = this.jdbcTemplate.queryForList(
				"SELECT job_execution_id FROM ingest_file WHERE location = ? AND fingerprint = ?", Long.class, location,
				fingerprint);
		return executions.isEmpty() ? null : executions.get(0);
	}

	/** Records a file whose partition completed: its content is in the database now. */
	@Override
	public ExitStatus afterStep(StepExecution step) {
		if (step.getStatus() != BatchStatus.COMPLETED) {
			return null;
		}
		StationFile file = StationFile.from(step.getExecutionContext());
		String fingerprint = step.getExecutionContext().getString(FINGERPRINT_KEY);
		long size = step.getExecutionContext().getLong(SIZE_KEY);
		long executionId = step.getJobExecutionId();
		Timestamp now = Timestamp.from(Instant.now());
		int updated = this.jdbcTemplate.update(
				"UPDATE ingest_file SET station_id = ?, size_bytes = ?, fingerprint = ?, job_execution_id = ?, "
						+ "loaded_at = ? WHERE location = ?",
				file.stationId(), size, fingerprint, executionId, now, file.location());
		if (updated == 0) {
			this.jdbcTemplate.update("INSERT INTO ingest_file "
					+ "(location, station_id, size_bytes, fingerprint, job_execution_id, loaded_at) VALUES (?, ?, ?, ?, ?, ?)",
					file.location(), file.stationId(), size, fingerprint, executionId, now);
		}
		return null;
	}

}
