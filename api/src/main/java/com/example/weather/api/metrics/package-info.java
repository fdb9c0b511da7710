/**
 * The API's metrics: which meters go to CloudWatch (its requests only). The registry itself and the
 * {@code metrics.cloudwatch.*} properties are the shared {@code com.example.weather.metrics} module's.
 * <p>
 * May use Micrometer, Spring Boot and {@code com.example.weather.metrics}; nothing else of the API.
 */
package com.example.weather.api.metrics;
