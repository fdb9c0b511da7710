/**
 * The repository's deployment files ({@code ecs-task-defs/}, {@code eventbridge/}, the images' Dockerfiles, the rerun
 * script) against each other and against the code of the job and the API, whose plain classes are test dependencies
 * of this module: every variable a setting the application reads, every command one it accepts, every alarm a meter
 * it publishes, every policy no wider than the files need. {@link com.example.weather.deploy.DeploymentFiles} is the
 * one helper of these tests and of the Terraform plan's ({@code com.example.weather.infra}).
 */
package com.example.weather.deploy;
