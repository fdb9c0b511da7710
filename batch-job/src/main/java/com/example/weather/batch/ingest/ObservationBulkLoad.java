package com.example.weather.batch.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a list of observations gets into a table on the chunk's connection, the one part of writing that differs
 * between databases: {@link PostgresBinaryCopy} on PostgreSQL, {@link JdbcBatchInsert} on H2. Chosen once, when the
 * writer is built. Both send a row's fields in the order of the columns their statements ({@link IngestSql}) name.
 */
interface ObservationBulkLoad {

	/** Writes the observations into {@code weather_observation}, each row with the execution that wrote it. */
	void insert(Connection connection, List<Observation> observations, long jobExecutionId) throws SQLException;

	/** Writes the observations into the staging table, which {@link #createStage()} created on this connection. */
	void stage(Connection connection, List<Observation> observations) throws SQLException;

	/**
	 * The DDL creating the staging table if the session has none yet: session-local, emptied at the end of every
	 * transaction, committed or not, and created without committing the chunk's open transaction.
	 */
	String createStage();

	static ObservationBulkLoad forDatabase(DataSource dataSource) {
		boolean postgres = Boolean.TRUE.equals(new JdbcTemplate(dataSource)
			.execute((Connection connection) -> connection.isWrapperFor(PGConnection.class)));
		return postgres ? new PostgresBinaryCopy() : new JdbcBatchInsert();
	}

}
