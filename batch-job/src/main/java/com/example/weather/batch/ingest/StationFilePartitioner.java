package com.example.weather.batch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.awspring.cloud.s3.S3Resource;
import com.example.weather.batch.ingest.IngestFileManifest.FileVersion;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * One partition per station file found at the input location. A location ending in {@code /} is a folder whose
 * {@code *.txt} and {@code *.txt.gz} files are read; anything else is a resource pattern
 * ({@code file:/data/USC*.txt}). Partitions are named after their file, so that a restarted run matches each
 * file with its earlier execution.
 */
public class StationFilePartitioner implements Partitioner {

	private static final Log logger = LogFactory.getLog(StationFilePartitioner.class);

	private static final int FILES_DESCRIBED_AT_ONCE = 4;

	private final ResourcePatternResolver resolver;

	private final String input;

	private final IngestProgress progress;

	private final IngestFileManifest manifest;

	private final boolean force;

	public StationFilePartitioner(ResourcePatternResolver resolver, String input, IngestProgress progress,
			IngestFileManifest manifest, boolean force) {
		this.resolver = resolver;
		this.input = input;
		this.progress = progress;
		this.manifest = manifest;
		this.force = force;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, StationFile> byStation = new TreeMap<>();
		Map<StationFile, Resource> files = findFiles();
		for (StationFile file : files.keySet()) {
			StationFile other = byStation.put(file.stationId(), file);
			if (other != null) {
				throw new IllegalStateException("Station " + file.stationId() + " has two files, " + other.fileName()
						+ " and " + file.fileName() + ": remove one");
			}
		}
		if (byStation.isEmpty()) {
			// a wrong location must not pass for a night without data: the rerun would then find it completed
			throw new IllegalStateException("No station files (*.txt, *.txt.gz) at " + this.input
					+ ": the location does not exist, or holds none; check ingest.input");
		}
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		Map<String, FileVersion> loadedFiles = this.manifest.loadedFiles();
		Map<StationFile, FileVersion> currentVersions = currentVersions(byStation.values(), files, loadedFiles);
		int unchanged = 0;
		for (StationFile file : byStation.values()) {
			FileVersion loaded = loadedFiles.get(file.location());
			FileVersion current = currentVersions.get(file);
			if (!this.force && current.sameContentAs(loaded)) {
				unchanged++;
				logger.debug(file.fileName() + " is unchanged since execution " + loaded.jobExecutionId() + ": not read");
				continue;
			}
			ExecutionContext context = file.toExecutionContext();
			IngestFileManifest.describeIn(context, current);
			partitions.put(file.fileName(), context);
		}
		logger.info("%d station files at %s: %d to read, %d unchanged since they were last loaded%s".formatted(
				byStation.size(), this.input, partitions.size(), unchanged, this.force ? " (force=true)" : ""));
		this.progress.filesFound(partitions.size());
		return partitions;
	}

	/**
	 * Each file as it is now. Hashing a file on disk and asking S3 for an object's ETag are independent per file,
	 * and they used to run one after the other on the job's only thread before any file was read: a few at a time
	 * they take a fraction of that.
	 */
	private Map<StationFile, FileVersion> currentVersions(Collection<StationFile> stationFiles,
			Map<StationFile, Resource> resources, Map<String, FileVersion> loadedFiles) {
		Map<StationFile, Future<FileVersion>> versions = new LinkedHashMap<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(FILES_DESCRIBED_AT_ONCE)) {
			for (StationFile file : stationFiles) {
				versions.put(file, executor.submit(() -> this.manifest.currentVersion(resources.get(file),
						loadedFiles.get(file.location()))));
			}
		}
		Map<StationFile, FileVersion> described = new LinkedHashMap<>();
		versions.forEach((file, version) -> described.put(file, result(version)));
		return described;
	}

	private static FileVersion result(Future<FileVersion> version) {
		try {
			return version.get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while describing the station files", ex);
		}
	}

	private Map<StationFile, Resource> findFiles() {
		boolean folder = this.input.endsWith("/");
		String[] patterns = folder ? new String[] { this.input + "*.txt", this.input + "*.txt.gz" }
				: new String[] { this.input };
		Map<StationFile, Resource> files = new LinkedHashMap<>();
		Set<String> notStations = new TreeSet<>();
		try {
			for (String pattern : patterns) {
				for (Resource resource : this.resolver.getResources(pattern)) {
					String name = fileName(resource);
					// in a folder, the file's location is the folder's, as the user wrote it (classpath:, s3://). What
					// a listing returns exists: asking again would cost a HEAD request per S3 object
					StationFile file = (name != null)
							? StationFile.of(folder ? this.input + name : location(resource), name) : null;
					if (file != null) {
						files.put(file, resource);
					}
					else if (name != null && StationFile.hasStationFileExtension(name)) {
						notStations.add(name);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the input files at " + this.input, ex);
		}
		if (!notStations.isEmpty()) {
			logger.warn("Skipped %d files at %s whose names are not station ids (1 to 20 upper-case letters, digits, "
					.formatted(notStations.size(), this.input) + "'-' or '_'): " + String.join(", ", notStations));
		}
		return files;
	}

	// an S3 resource's "file name" is its whole key
	private static String fileName(Resource resource) {
		String name = resource.getFilename();
		return (name != null) ? name.substring(name.lastIndexOf('/') + 1) : null;
	}

	private static String location(Resource resource) throws IOException {
		if (resource instanceof S3Resource s3) {
			return "s3://" + s3.getLocation().getBucket() + "/" + s3.getLocation().getObject();
		}
		return resource.getURI().toString();
	}

}
