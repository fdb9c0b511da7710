/**
 * Publishing metrics to CloudWatch, shared by the job and the API: the Embedded Metric Format registry, its
 * {@code metrics.cloudwatch.*} properties and the Boot auto-configuration that creates the registry when switched on.
 * <p>
 * May use Micrometer, Jackson and Spring Boot; knows nothing of either application.
 */
package com.example.weather.metrics;
