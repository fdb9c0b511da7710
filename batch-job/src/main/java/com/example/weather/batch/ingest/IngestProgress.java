package com.example.weather.batch.ingest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters shared by the partitions of one run: what the progress log reports, and the run-wide reject count
 * that the reject limit applies to. Reset when a run begins.
 */
public class IngestProgress {

	private final AtomicInteger filesTotal = new AtomicInteger();

	private final AtomicInteger filesDone = new AtomicInteger();

	private final AtomicLong linesRead = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private volatile long startNanos = System.nanoTime();

	public void begin() {
		this.filesTotal.set(0);
		this.filesDone.set(0);
		this.linesRead.set(0);
		this.rejected.set(0);
		this.startNanos = System.nanoTime();
	}

	public void filesFound(int count) {
		this.filesTotal.set(count);
	}

	public void fileDone() {
		this.filesDone.incrementAndGet();
	}

	public void linesRead(long count) {
		this.linesRead.addAndGet(count);
	}

	/** Adds to the run's reject count and returns the new total. */
	public long rejected(long count) {
		return this.rejected.addAndGet(count);
	}

	public String summary() {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - this.startNanos);
		long lines = this.linesRead.get();
		long perSecond = (elapsed.toMillis() > 0) ? lines * 1000 / elapsed.toMillis() : lines;
		return "%d of %d files done, %,d lines read (%,d lines/s), %,d rejected, %ds elapsed".formatted(
				this.filesDone.get(), this.filesTotal.get(), lines, perSecond, this.rejected.get(),
				elapsed.toSeconds());
	}

}
