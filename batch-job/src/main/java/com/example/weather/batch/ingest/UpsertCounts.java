package com.example.weather.batch.ingest;

/**
 * What an upsert did with the observations it was given.
 */
public record UpsertCounts(long inserted, long updated, long unchanged) {

	public static final UpsertCounts NONE = new UpsertCounts(0, 0, 0);

	public UpsertCounts plus(UpsertCounts other) {
		return new UpsertCounts(this.inserted + other.inserted, this.updated + other.updated,
				this.unchanged + other.unchanged);
	}

}
