/**
 * The embedded Tomcat: how it answers the requests it refuses before the API sees them (as problem documents,
 * like the API's own errors), and its request threads, one more for each running CSV export.
 */
package com.example.weather.api.server;
