/**
 * The warehouse at a glance: when the data was last loaded, and how many stations, rows and years it holds (the
 * first thing the web console shows).
 */
package com.example.weather.api.overview;
