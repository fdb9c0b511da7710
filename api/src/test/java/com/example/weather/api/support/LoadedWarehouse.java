package com.example.weather.api.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A PostgreSQL database loaded by the real ingest job from the fixture files, created once per test run, and read
 * by the API as a user that may only SELECT, as in production.
 * <p>
 * The job runs twice, for two nights: the first inserts everything, the second finds everything unchanged and
 * refreshes the statistics left out of date between them. So there are two completed executions, each with its own
 * rejects, and the second with statistics partitions.
 */
public class LoadedWarehouse implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The PostgreSQL server, without a database name. */
	public static final String SERVER_URL = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");

	public static final String ADMIN_USER = env("TEST_POSTGRES_USER", "postgres");

	public static final String DATABASE = "weather_api_test";

	public static final String READER = "weather_api_test_reader";

	public static final String FIRST_RUN_DATE = "2026-11-24";

	public static final String SECOND_RUN_DATE = "2026-11-25";

	private static boolean loaded;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		load();
		TestPropertyValues.of("spring.datasource.url=" + SERVER_URL + DATABASE,
				"spring.datasource.username=" + READER).applyTo(context);
	}

	static synchronized void load() {
		if (loaded) {
			return;
		}
		create(DATABASE, (toDatabase) -> {
			Path workingDirectory = Path.of("target").toAbsolutePath();
			IngestJob.run(FIRST_RUN_DATE, workingDirectory, toDatabase);
			// what a night that failed after writing would leave: every station-year out of date, so that the second
			// night's statistics step has partitions (the first wrote its new stations' statistics with their rows)
			execute(SERVER_URL + DATABASE, """
					INSERT INTO ingest_touched_year (job_instance_id, station_id, year, first_day, next_first_day)
					SELECT 1, station_id, year, make_date(year, 1, 1), make_date(year + 1, 1, 1)
					FROM weather_yearly_stats""");
			// the same files again: unchanged files are skipped unless forced, and the second execution should read
			// them
			IngestJob.run(SECOND_RUN_DATE, workingDirectory, toDatabase, "force=true");
		});
		loaded = true;
	}

	/**
	 * Creates {@code database} afresh, lets {@code load} run the job into it (given the job's datasource
	 * environment), and lets the {@link #READER} read it.
	 */
	public static void create(String database, Consumer<Map<String, String>> load) {
		execute(SERVER_URL + "postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)",
				"CREATE DATABASE " + database);
		load.accept(Map.of("SPRING_DATASOURCE_URL", SERVER_URL + database, "SPRING_DATASOURCE_USERNAME",
				ADMIN_USER));
		execute(SERVER_URL + database, """
				DO $$ BEGIN
				  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s LOGIN; END IF;
				END $$""".formatted(READER, READER), "GRANT CONNECT ON DATABASE " + database + " TO " + READER,
				"GRANT USAGE ON SCHEMA public TO " + READER,
				"GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READER);
	}

	/** Runs statements as the administrator, e.g. to create a database. */
	public static void execute(String url, String... statements) {
		try (Connection connection = DriverManager.getConnection(url, ADMIN_USER, null);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the test database at " + url
					+ " (set TEST_POSTGRES_URL to another server): " + ex.getMessage(), ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
