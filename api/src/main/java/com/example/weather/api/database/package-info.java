/**
 * The API's database sessions: read-only for every statement on PostgreSQL, every statement bounded in time, and no
 * development database in production.
 */
package com.example.weather.api.database;
