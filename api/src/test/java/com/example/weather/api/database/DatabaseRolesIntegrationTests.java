package com.example.weather.api.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.example.weather.api.support.IngestJob;
import com.example.weather.api.support.LoadedWarehouse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The roles script the project ships ({@code db-changelog/.../db/roles/weather-roles.sql}), run with psql as an
 * operator would: the job, as the writer, creates and loads the schema; the API's role then reads all of it and
 * can write nothing, even with its session's read-only setting turned off.
 */
class DatabaseRolesIntegrationTests {

	private static final String DATABASE = "weather_api_test_roles";

	private static final String WRITER = "weather_test_writer";

	private static final String READER = "weather_test_api";

	@Test
	void theWriterLoadsAndTheApiRoleOnlyReads() throws Exception {
		LoadedWarehouse.execute(LoadedWarehouse.SERVER_URL + "postgres",
				"DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "CREATE DATABASE " + DATABASE);
		runRolesScript();
		IngestJob.run(LoadedWarehouse.FIRST_RUN_DATE, Path.of("target").toAbsolutePath(),
				Map.of("SPRING_DATASOURCE_URL", LoadedWarehouse.SERVER_URL + DATABASE, "SPRING_DATASOURCE_USERNAME",
						WRITER, "SPRING_DATASOURCE_PASSWORD", "writer-secret"));

		try (Connection api = DriverManager.getConnection(LoadedWarehouse.SERVER_URL + DATABASE, READER,
				"api-secret"); Statement statement = api.createStatement()) {
			try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM weather_observation")) {
				rows.next();
				assertThat(rows.getLong(1)).isPositive();
			}
			try (ResultSet readOnly = statement.executeQuery("SHOW default_transaction_read_only")) {
				readOnly.next();
				assertThat(readOnly.getString(1)).isEqualTo("on");
			}
			statement.execute("SET default_transaction_read_only = off");
			for (String write : List.of("DELETE FROM weather_observation", "CREATE TABLE public.x (id int)",
					"INSERT INTO ingest_reject (job_execution_id, file_name, line_number, line, reason_code, reason) "
							+ "VALUES (1, 'x', 1, 'x', 'x', 'x')")) {
				assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute(write))
					.satisfies((ex) -> assertThat(ex.getSQLState()).as(write).isEqualTo("42501"));
			}
		}
	}

	private static void runRolesScript() throws IOException, InterruptedException {
		Path script = repositoryRoot().resolve("db-changelog/src/main/resources/db/roles/weather-roles.sql");
		String server = LoadedWarehouse.SERVER_URL.replace("jdbc:postgresql://", "");
		String host = server.substring(0, server.indexOf(':'));
		String port = server.substring(server.indexOf(':') + 1, server.indexOf('/'));
		Process psql;
		try {
			psql = new ProcessBuilder("psql", "-h", host, "-p", port, "-U", LoadedWarehouse.ADMIN_USER, "-d", DATABASE,
					"-v", "ON_ERROR_STOP=1", "-v", "job_user=" + WRITER, "-v", "job_password=writer-secret",
					"-v", "api_user=" + READER, "-v", "api_password=api-secret", "-f", script.toString())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			assumeThat(false).as("psql is not installed: " + ex.getMessage()).isTrue();
			return;
		}
		String output = new String(psql.getInputStream().readAllBytes());
		assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(psql.exitValue()).as(output).isZero();
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("db-changelog"))) {
			dir = dir.getParent();
		}
		return dir;
	}

}
