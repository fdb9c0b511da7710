package com.example.weather.batch.ingest;

/**
 * One line of a station file as read, before validation.
 *
 * @param stationId the station the file belongs to (its name without {@code .txt})
 * @param fileName the file's name, for rejects
 * @param lineNumber 1-based, counting blank lines, as an editor shows it
 * @param text the line without its line ending or byte-order mark, at most {@link #MAX_LENGTH} characters of it
 * @param length the whole line's length in characters: more than {@code text} holds when the line was cut
 */
public record ObservationLine(String stationId, String fileName, long lineNumber, String text, long length) {

	/**
	 * The characters of a line that are kept, in memory and in {@code ingest_reject.line}: a valid line has about
	 * thirty, and a file without line breaks must not become one string.
	 */
	public static final int MAX_LENGTH = 1000;

	public ObservationLine(String stationId, String fileName, long lineNumber, String text) {
		this(stationId, fileName, lineNumber, text, text.length());
	}

	/** Whether the line was longer than {@link #MAX_LENGTH} and {@code text} holds only its beginning. */
	public boolean cut() {
		return this.length > this.text.length();
	}

}
