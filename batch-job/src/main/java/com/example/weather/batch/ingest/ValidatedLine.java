package com.example.weather.batch.ingest;

/**
 * What validation makes of a line: an {@link Observation} to load or a {@link RejectedLine} to record.
 */
public sealed interface ValidatedLine permits Observation, RejectedLine {

}
