/**
 * The yearly statistics: what they are ({@code StationYearTotals}, the one definition), summed up for a new station
 * by its file's writer as its rows go in ({@code YearlyTotals}), and the {@code refreshStationStats} step for the
 * rest: the station-years whose statistics are out of date, split into ranges of stations, their observations
 * summed up again in SQL, and {@code weather_yearly_stats} and {@code weather_station} rewritten for each range. All its SQL is in
 * {@code StatsSql}.
 * <p>
 * May use Spring Batch, JDBC and the PostgreSQL driver, and {@code launch/} (the run-lock fence); nothing of
 * {@code ingest/} but the table it fills.
 */
package com.example.weather.batch.stats;
