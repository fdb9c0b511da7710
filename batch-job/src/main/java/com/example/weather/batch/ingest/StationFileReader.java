package com.example.weather.batch.ingest;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the lines of the partition's station file, numbered as an editor numbers them. A Spring Batch
 * {@link FlatFileItemReader} does the reading and keeps the restart position.
 * <p>
 * One instance serves every partition, without step scope: each partition runs on a thread of its own from
 * {@link #open} to {@link #close}, so the file it reads is kept per thread. A step-scoped proxy would look the bean
 * up on every line; measured on the full dataset, those lookups took 40% of the job's CPU.
 */
public class StationFileReader implements ItemStreamReader<ObservationLine> {

	private final ResourceLoader resourceLoader;

	private final ThreadLocal<FlatFileItemReader<ObservationLine>> current = new ThreadLocal<>();

	public StationFileReader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		StationFile file = StationFile.from(executionContext);
		FlatFileItemReader<ObservationLine> reader = new FlatFileItemReaderBuilder<ObservationLine>()
			.name("stationFileReader")
			.resource(this.resourceLoader.getResource(file.location()))
			.bufferedReaderFactory(new StationFileReaderFactory())
			// every line is data: a '#' line is rejected, not silently skipped as a comment
			.comments()
			.lineMapper((line, lineNumber) -> new ObservationLine(file.stationId(), file.fileName(), lineNumber, line))
			.build();
		reader.open(executionContext);
		this.current.set(reader);
	}

	@Override
	public ObservationLine read() throws Exception {
		return this.current.get().read();
	}

	@Override
	public void update(ExecutionContext executionContext) {
		this.current.get().update(executionContext);
	}

	@Override
	public void close() {
		FlatFileItemReader<ObservationLine> reader = this.current.get();
		this.current.remove();
		if (reader != null) {
			reader.close();
		}
	}

}
