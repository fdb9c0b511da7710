/**
 * The repository's deployment files ({@code ecs-task-defs/}, {@code eventbridge/}) as tests read them: shared by
 * the job's deployment tests and, through this module's test jar, the API's. Uses only Spring Boot and Jackson,
 * never the application code, so that either module can use it.
 */
package com.example.weather.deploy;
