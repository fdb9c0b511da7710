package com.example.weather.api.support;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A warehouse large enough that a CSV export of it outlasts every socket buffer between the API and a client that
 * stops reading: the fixture files loaded by the job, plus {@value #EXTRA_ROWS} synthetic observations of station
 * {@code ZULU9}. Read by the API as the same read-only user as {@link LoadedWarehouse}.
 */
public class ExportWarehouse implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String DATABASE = "weather_api_test_exports";

	public static final int EXTRA_ROWS = 400_000;

	private static boolean loaded;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		load();
		TestPropertyValues.of("spring.datasource.url=" + LoadedWarehouse.SERVER_URL + DATABASE,
				"spring.datasource.username=" + LoadedWarehouse.READER).applyTo(context);
	}

	static synchronized void load() {
		if (loaded) {
			return;
		}
		String server = LoadedWarehouse.SERVER_URL;
		LoadedWarehouse.execute(server + "postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)",
				"CREATE DATABASE " + DATABASE);
		IngestJob.run(LoadedWarehouse.FIRST_RUN_DATE, Path.of("target").toAbsolutePath(),
				Map.of("SPRING_DATASOURCE_URL", server + DATABASE, "SPRING_DATASOURCE_USERNAME",
						LoadedWarehouse.ADMIN_USER));
		LoadedWarehouse.execute(server + DATABASE, """
				INSERT INTO weather_observation (station_id, observation_date, max_temp, min_temp, precipitation,
				                                 job_execution_id)
				SELECT 'ZULU9', DATE '1000-01-01' + n, 215, -37, 12, 1 FROM generate_series(1, %d) AS n"""
			.formatted(EXTRA_ROWS), """
				DO $$ BEGIN
				  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s LOGIN; END IF;
				END $$""".formatted(LoadedWarehouse.READER, LoadedWarehouse.READER),
				"GRANT CONNECT ON DATABASE " + DATABASE + " TO " + LoadedWarehouse.READER,
				"GRANT USAGE ON SCHEMA public TO " + LoadedWarehouse.READER,
				"GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + LoadedWarehouse.READER, "ANALYZE");
		loaded = true;
	}

}
