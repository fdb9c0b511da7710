package com.example.weather.batch.ingest;

/**
 * One line of a station file as read, before validation.
 *
 * @param stationId the station the file belongs to (its name without {@code .txt})
 * @param fileName the file's name, for rejects
 * @param lineNumber 1-based, counting blank lines, as an editor shows it
 * @param text the line without its line ending or byte-order mark
 */
public record ObservationLine(String stationId, String fileName, long lineNumber, String text) {
}
