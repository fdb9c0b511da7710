/**
 * The API's warm-up: before the load balancer may send it traffic, a new task sends itself, over loopback, the
 * requests clients make most, until the JIT compiler has compiled their path, so that its first real requests are
 * served at full speed. Its requests are marked so that they stay out of the request metrics, and the data caches
 * they fill are emptied after.
 * <p>
 * May use Spring Boot, JDBC, Micrometer's observations and {@code web/} (the caches it empties).
 */
package com.example.weather.api.warmup;
