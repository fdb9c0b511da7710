/**
 * Weather stations and the span of their observations ({@code weather_station}): the list and one station.
 * <p>
 * May use JDBC and {@code web/}.
 */
package com.example.weather.api.stations;
