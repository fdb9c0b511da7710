package com.example.weather.batch.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import com.example.weather.batch.IngestJobTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.ConnectionCallback;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationUpsertIntegrationTests extends IngestJobTestSupport {

	@Test
	void givenStatisticsOfAFewStations_whenAskedWhetherANewStationHasRows_thenTheCachedPlanReadsThePrimaryKey() {
		String plan = this.jdbc.execute((ConnectionCallback<String>) (connection) -> {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				// statistics taken early in a first load, when two stations had rows: autovacuum can analyse then,
				// and a generic plan cached by the writers' connections outlives them while the table grows
				statement.execute("""
						INSERT INTO weather_observation (station_id, observation_date, job_execution_id)
						SELECT CASE WHEN day % 2 = 0 THEN 'FIRST' ELSE 'SECOND' END, DATE '2001-01-01' + day / 2, 1
						FROM generate_series(0, 20000) AS day""");
				statement.execute("ANALYZE weather_observation");
				statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
				statement.execute("PREPARE has_rows(varchar) AS " + IngestSql.STATION_HAS_ROWS.replace("?", "$1"));
				return explain(statement, "EXPLAIN EXECUTE has_rows('NEW')");
			}
			finally {
				connection.rollback();
				try (Statement statement = connection.createStatement()) {
					statement.execute("DEALLOCATE ALL");
				}
				connection.setAutoCommit(true);
			}
		});

		assertThat(plan).contains("weather_observation_pk").doesNotContain("Seq Scan");
	}

	private static String explain(Statement statement, String sql) throws java.sql.SQLException {
		StringBuilder plan = new StringBuilder();
		try (ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				plan.append(rows.getString(1)).append('\n');
			}
		}
		return plan.toString();
	}

}
