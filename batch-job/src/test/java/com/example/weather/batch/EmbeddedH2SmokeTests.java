package com.example.weather.batch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import com.example.weather.batch.support.JobProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: the job with no configuration at all loads the bundled sample into an embedded H2
 * file under {@code ./data}, and running the same night again (given as the schedule gives it) has nothing to do.
 */
class EmbeddedH2SmokeTests {

	@Test
	void givenNoConfiguration_whenTheJobRunsTwice_thenTheSampleIsLoadedOnceIntoEmbeddedH2(@TempDir Path workDir)
			throws Exception {
		JobProcess first = JobProcess.start(workDir, Map.of(), "run.date=2026-11-24");
		assertThat(first.waitFor(Duration.ofSeconds(90))).as(first.log()).isZero();
		assertThat(first.log()).contains("ended COMPLETED").contains("3,293 inserted").contains("7 rejected");

		// the same night as the nightly schedule names it, by the time it fired: the same job instance
		JobProcess again = JobProcess.start(workDir, Map.of(), "run.date=2026-11-24T02:00:00Z");
		assertThat(again.waitFor(Duration.ofSeconds(90))).as(again.log()).isZero();
		assertThat(again.log()).contains("The run for run.date=2026-11-24 already completed; nothing to do");

		String url = "jdbc:h2:file:" + workDir.resolve("data/weather") + ";MODE=PostgreSQL;NON_KEYWORDS=YEAR";
		try (Connection connection = DriverManager.getConnection(url);
				ResultSet counts = connection.createStatement()
					.executeQuery("SELECT (SELECT count(*) FROM weather_observation), "
							+ "(SELECT count(*) FROM ingest_reject), (SELECT count(*) FROM weather_yearly_stats)")) {
			counts.next();
			assertThat(counts.getLong(1)).isEqualTo(3293);
			assertThat(counts.getLong(2)).isEqualTo(7);
			assertThat(counts.getLong(3)).as("3 stations x 3 years + 1 station x 1 year").isEqualTo(10);
		}
	}

}
