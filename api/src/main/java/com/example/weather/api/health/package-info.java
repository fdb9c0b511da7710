/**
 * Whether the API can serve: the database probe on a pool of its own, the {@code database} part of the readiness
 * group, the API's own {@code /api/health}, and the last load in {@code /actuator/info}.
 * <p>
 * May use Spring Boot's health and info contributors, JDBC, {@code database/} and {@code web/}.
 */
package com.example.weather.api.health;
