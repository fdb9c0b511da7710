package com.example.weather.batch.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests run against: {@code TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/}) and {@code TEST_POSTGRES_USER} (default {@code postgres}). Each
 * suite gets a database of its own on it, created when missing.
 */
public final class TestPostgres {

	public static final String SERVER = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");

	public static final String USER = env("TEST_POSTGRES_USER", "postgres");

	public static final String PASSWORD = env("TEST_POSTGRES_PASSWORD", "");

	private TestPostgres() {
	}

	/** The JDBC URL of {@code database}, created first if it does not exist. */
	public static String database(String database) {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
			if (!exists.next()) {
				statement.execute("CREATE DATABASE " + database);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No PostgreSQL at " + SERVER + " (set TEST_POSTGRES_URL): " + ex, ex);
		}
		return SERVER + database;
	}

	/** The JDBC URL of {@code database}, created empty: dropped first if it exists, its sessions ended. */
	public static String newDatabase(String database) {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No PostgreSQL at " + SERVER + " (set TEST_POSTGRES_URL): " + ex, ex);
		}
		return database(database);
	}

	/**
	 * Ends the sessions of the job processes (see {@link JobProcess#postgres}), as the server does on its own once
	 * it notices that their client died.
	 */
	public static void terminateJobProcessSessions(Connection caller) throws SQLException {
		terminateSessions(caller, JobProcess.APPLICATION_NAME);
	}

	/**
	 * Ends the sessions of the processes started with {@code JobProcess.postgres(url, applicationName)}; the name
	 * is a {@code LIKE} pattern.
	 */
	public static void terminateSessions(Connection caller, String applicationName) throws SQLException {
		try (Statement statement = caller.createStatement()) {
			statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE '"
					+ applicationName + "'");
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
