package com.example.weather.batch.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads the lines of a station file, as {@link BufferedReader#readLine()} does ({@code \n}, {@code \r\n} or
 * {@code \r} end a line; a UTF-8 byte-order mark at the start is dropped), but keeps at most
 * {@link ObservationLine#MAX_LENGTH} characters of a line and counts the rest: whatever a file holds, even gigabytes
 * without a line break, it is read in bounded memory.
 */
final class StationLineReader extends BufferedReader {

	private static final int BUFFER_SIZE = 64 * 1024;

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private final Reader in;

	private final char[] buffer = new char[BUFFER_SIZE];

	private int position;

	private int limit;

	private boolean started;

	private boolean skipLineFeed;

	private long lastLength;

	StationLineReader(Reader in) {
		super(in, 1);
		this.in = in;
	}

	/** The length in characters of the line {@link #readLine()} returned last, before it was cut. */
	long lastLength() {
		return this.lastLength;
	}

	@Override
	public String readLine() throws IOException {
		StringBuilder partial = null;
		long length = 0;
		boolean consumed = false;
		for (;;) {
			if (this.position >= this.limit && !fill()) {
				if (!consumed) {
					return null;
				}
				this.lastLength = length;
				return (partial != null) ? partial.toString() : "";
			}
			if (this.skipLineFeed) {
				this.skipLineFeed = false;
				if (this.buffer[this.position] == '\n') {
					this.position++;
					continue;
				}
			}
			consumed = true;
			int start = this.position;
			int end = start;
			while (end < this.limit && this.buffer[end] != '\n' && this.buffer[end] != '\r') {
				end++;
			}
			boolean ended = end < this.limit;
			int count = end - start;
			this.position = ended ? end + 1 : end;
			if (ended) {
				this.skipLineFeed = this.buffer[end] == '\r';
			}
			if (ended && partial == null) {
				this.lastLength = count;
				return new String(this.buffer, start, Math.min(count, ObservationLine.MAX_LENGTH));
			}
			if (partial == null) {
				partial = new StringBuilder();
			}
			partial.append(this.buffer, start, Math.max(0, Math.min(ObservationLine.MAX_LENGTH - partial.length(), count)));
			length += count;
			if (ended) {
				this.lastLength = length;
				return partial.toString();
			}
		}
	}

	private boolean fill() throws IOException {
		int read = this.in.read(this.buffer, 0, this.buffer.length);
		if (read <= 0) {
			return false;
		}
		this.position = 0;
		this.limit = read;
		if (!this.started) {
			this.started = true;
			if (this.buffer[0] == BYTE_ORDER_MARK) {
				this.position = 1;
			}
		}
		return true;
	}

}
