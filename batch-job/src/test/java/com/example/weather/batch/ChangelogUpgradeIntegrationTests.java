package com.example.weather.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.weather.batch.support.JobProcess;
import com.example.weather.batch.support.TestPostgres;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database migrated before the job repository's table prefix could be configured is migrated by this release as
 * it is. The changelog now names the Spring Batch tables {@code ${batchTablePrefix}...}; Liquibase checksums a
 * formatted SQL changeset after substituting its parameters, so with the default {@code BATCH_} every changeset is
 * byte for byte the one such a database recorded. A different prefix on such a database fails validation instead.
 * <p>
 * The database is migrated first with today's changelog files but {@code 001-spring-batch-metadata.sql} as it was
 * released ({@code src/test/resources/db/changelog-before-table-prefix/}), the only file the prefix changed; then
 * the job starts on it, migrating with its own changelog and settings, and runs nothing else
 * ({@code ingest.run-on-startup=false}).
 */
class ChangelogUpgradeIntegrationTests {

	private static final String DATABASE = "weather_changelog_test";

	private static final Path WORK = Path.of("target", "job-processes").toAbsolutePath();

	private String url;

	@BeforeEach
	void migrateWithTheChangelogAsReleasedBeforeTheTablePrefix(@TempDir Path root) throws Exception {
		this.url = TestPostgres.newDatabase(DATABASE);
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		Path changelog = Files.createDirectories(root.resolve("db/changelog"));
		for (Resource file : resources.getResources("classpath*:db/changelog/*")) {
			Files.copy(file.getInputStream(), changelog.resolve(file.getFilename()));
		}
		Files.copy(resources.getResource("classpath:db/changelog-before-table-prefix/001-spring-batch-metadata.sql")
			.getInputStream(), changelog.resolve("001-spring-batch-metadata.sql"), StandardCopyOption.REPLACE_EXISTING);
		try (Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.yaml",
				new DirectoryResourceAccessor(root), DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connect())))) {
			liquibase.update(new Contexts(), new LabelExpression());
		}
	}

	@Test
	void givenADatabaseMigratedBeforeTheTablePrefix_whenTheJobMigratesIt_thenItValidatesAndChangesNothing()
			throws Exception {
		List<Map<String, Object>> changesets = changesets();
		List<String> schema = schema();
		assertThat(schema).contains("batch_job_instance (r)", "batch_job_execution_seq (S)",
				"batch_step_execution_job_ix (i)", "job_inst_exec_fk on batch_job_execution");

		JobProcess job = JobProcess.start(WORK, migrateOnly(Map.of()));

		assertThat(job.waitFor(Duration.ofSeconds(90))).as(job.log()).isZero();
		assertThat(changesets()).as("the same changesets, checksums and executions").isEqualTo(changesets);
		assertThat(schema()).isEqualTo(schema);
	}

	@Test
	void givenADatabaseMigratedWithBatchTables_whenTheJobStartsWithAnotherTablePrefix_thenItFailsValidation()
			throws Exception {
		List<String> schema = schema();

		JobProcess job = JobProcess.start(WORK, migrateOnly(Map.of("SPRING_BATCH_JDBC_TABLEPREFIX", "WX_BATCH_")));

		assertThat(job.waitFor(Duration.ofSeconds(90))).as(job.log()).isNotZero();
		assertThat(job.log()).contains("Validation Failed")
			.contains("db/changelog/001-spring-batch-metadata.sql::batch-job-instance::weather was: ");
		assertThat(schema()).as("nothing created").isEqualTo(schema);
	}

	private Map<String, String> migrateOnly(Map<String, String> settings) {
		Map<String, String> environment = new HashMap<>(JobProcess.postgres(this.url));
		environment.put("INGEST_RUN_ON_STARTUP", "false");
		environment.putAll(settings);
		return environment;
	}

	/** What Liquibase recorded of each changeset it ran. */
	private List<Map<String, Object>> changesets() throws SQLException {
		return query("""
				SELECT id, author, filename, md5sum, dateexecuted, orderexecuted, exectype, deployment_id
				FROM databasechangelog ORDER BY orderexecuted""");
	}

	/** Every table, sequence, index (with its kind) and constraint (with its table) of the schema, by name. */
	private List<String> schema() throws SQLException {
		return query("""
				SELECT c.relname || ' (' || c.relkind::text || ')' AS described FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
				UNION ALL
				SELECT t.conname || ' on ' || t.conrelid::regclass FROM pg_constraint t
				JOIN pg_namespace n ON n.oid = t.connamespace WHERE n.nspname = 'public'
				ORDER BY 1""").stream().map((row) -> row.get("described").toString()).toList();
	}

	private List<Map<String, Object>> query(String sql) throws SQLException {
		try (Connection connection = connect()) {
			return new JdbcTemplate(new SingleConnectionDataSource(connection, true)).queryForList(sql);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, TestPostgres.USER, TestPostgres.PASSWORD);
	}

}
