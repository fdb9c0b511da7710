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
 * writer is built.
 */
interface ObservationBulkLoad {

	/** The observation columns, in the order both loads send them. */
	String COLUMNS = "station_id, observation_date, max_temp, min_temp, precipitation, quality_flags";

	/**
	 * Writes the observations into {@code table} (a table name with its column list); with a job execution id, it
	 * goes into a seventh column after {@link #COLUMNS}.
	 */
	void load(Connection connection, String table, List<Observation> observations, Long jobExecutionId)
			throws SQLException;

	/**
	 * The DDL creating a session-local table emptied at the end of every transaction, committed or not, without
	 * committing the chunk's open transaction.
	 */
	String createTemporaryTable(String name, String columns);

	static ObservationBulkLoad forDatabase(DataSource dataSource) {
		boolean postgres = Boolean.TRUE.equals(new JdbcTemplate(dataSource)
			.execute((Connection connection) -> connection.isWrapperFor(PGConnection.class)));
		return postgres ? new PostgresBinaryCopy() : new JdbcBatchInsert();
	}

}
