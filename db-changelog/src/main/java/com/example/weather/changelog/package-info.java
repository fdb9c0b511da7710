/**
 * What the changelog decides for the applications that run on its tables: the one rule both the job and the API
 * apply to the Spring Batch table prefix ({@link com.example.weather.changelog.BatchTablePrefix}). Plain Java, no
 * dependencies.
 */
package com.example.weather.changelog;
