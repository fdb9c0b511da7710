/**
 * Yearly statistics per station ({@code weather_yearly_stats}, precomputed by the job): filtered by station and
 * years, paged by number or cursor, as JSON or CSV.
 * <p>
 * May use JDBC, {@code web/} and {@code stations/} (an unknown station is a 404, not an empty list).
 */
package com.example.weather.api.stats;
