/**
 * The {@code refreshStationStats} step: the station-years whose statistics are out of date, split into ranges of
 * stations, and {@code weather_yearly_stats} and {@code weather_station} recomputed in SQL for each range. All its
 * SQL is in {@code StatsSql}.
 * <p>
 * May use Spring Batch, JDBC and the PostgreSQL driver, and {@code launch/} (the run-lock fence); nothing of
 * {@code ingest/} but the table it fills.
 */
package com.example.weather.batch.stats;
