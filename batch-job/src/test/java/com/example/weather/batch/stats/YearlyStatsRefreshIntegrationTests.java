package com.example.weather.batch.stats;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

import com.example.weather.batch.IngestJobTestSupport;
import com.example.weather.batch.launch.RunLockFence;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class YearlyStatsRefreshIntegrationTests extends IngestJobTestSupport {

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private RunLockFence runLockFence;

	@Test
	void givenStatisticsFromBeforeALoad_whenRefreshed_thenEachStationYearIsReadByItsPrimaryKeyRange() {
		// what the planner knew early in a load, when autovacuum analysed the tables: two stations
		for (char station = 'C'; station <= 'L'; station++) {
			observe(String.valueOf(station), 1990, 20);
			touch(String.valueOf(station), 1990, 20);
			if (station == 'D') {
				this.jdbc.execute("ANALYZE weather_observation");
				this.jdbc.execute("ANALYZE ingest_touched_year");
			}
		}

		String plan = new TransactionTemplate(this.transactionManager).execute((status) -> {
			new YearlyStatsRefresh(this.jdbc, this.runLockFence).refresh("C", "L");
			// the refresh's transaction, as it planned its statements
			return this.jdbc.execute((ConnectionCallback<String>) (connection) -> {
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("EXPLAIN " + StatsSql.OUT_OF_DATE_TOTALS
							.replaceFirst("\\?", "'C'")
							.replaceFirst("\\?", "'L'"))) {
					StringBuilder lines = new StringBuilder();
					while (rows.next()) {
						lines.append(rows.getString(1)).append('\n');
					}
					return lines.toString();
				}
			});
		});

		assertThat(plan).contains("Nested Loop", "weather_observation_pk").doesNotContain("Hash Join", "Merge Join");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM weather_yearly_stats", Long.class)).isEqualTo(200);
	}

	@Test
	void givenARefreshCommitted_whenTheNextStatementRuns_thenThePlannerHasAllItsJoinsBack() {
		observe("A", 2001, 1);
		touch("A", 2001, 1);

		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> new YearlyStatsRefresh(this.jdbc, this.runLockFence).refresh("A", "A"));

		// SET LOCAL: the pool's connections go back to other work as they were
		assertThat(this.jdbc.queryForList("SHOW enable_hashjoin", String.class)).containsExactly("on");
	}

	private void observe(String station, int firstYear, int years) {
		this.jdbc.update("""
				INSERT INTO weather_observation (station_id, observation_date, max_temp, min_temp, precipitation,
				                                 job_execution_id)
				SELECT ?, day, 250, 100, 0, 1
				FROM generate_series(make_date(?, 1, 1), make_date(?, 1, 1) - 1, interval '1 day') AS day""", station,
				firstYear, firstYear + years);
	}

	private void touch(String station, int firstYear, int years) {
		for (int year = firstYear; year < firstYear + years; year++) {
			this.jdbc.update("INSERT INTO ingest_touched_year (job_instance_id, station_id, year, first_day, "
					+ "next_first_day) VALUES (7, ?, ?, ?, ?)", station, year, LocalDate.of(year, 1, 1),
					LocalDate.of(year + 1, 1, 1));
		}
	}

}
