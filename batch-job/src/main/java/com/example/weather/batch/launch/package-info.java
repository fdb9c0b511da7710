/**
 * Running the job as a command: the command line and settings checked before anything starts, the run lock that
 * keeps one run at a time (and the fence that stops a run which lost it), the recovery of executions a dead process
 * left, the restart of a failed night, the stop on SIGTERM and the process exit codes. The run lock's SQL is in
 * {@code LaunchSql}.
 * <p>
 * May use Spring Batch's {@code JobOperator} and job repository, JDBC and the PostgreSQL driver, and the job's
 * settings from the root package; not the steps.
 */
package com.example.weather.batch.launch;
