/**
 * Daily observations ({@code weather_observation}): filtered by station and dates, paged by number or cursor, as
 * JSON or CSV.
 * <p>
 * May use JDBC, {@code web/} and {@code stations/} (an unknown station is a 404, not an empty list).
 */
package com.example.weather.api.observations;
