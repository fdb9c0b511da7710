/**
 * The embedded Tomcat: how it answers the requests it refuses before the API sees them (as problem documents,
 * like the API's own errors).
 */
package com.example.weather.api.server;
