/**
 * The read-only HTTP API over the warehouse: the application and its {@code weather.api.*} settings. Each feature
 * has a package ({@code observations/}, {@code stats/}, {@code stations/}, {@code jobs/}, {@code overview/},
 * {@code health/}); what they share as web endpoints is in {@code web/}; the database pools in {@code database/},
 * the servlet container in {@code server/}, the CloudWatch meters in {@code metrics/}.
 */
package com.example.weather.api;
