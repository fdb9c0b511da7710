package com.example.weather.batch.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Loads observations by a JDBC batch of inserts: the way in on H2, which has no {@code COPY}. */
class JdbcBatchInsert implements ObservationBulkLoad {

	@Override
	public void insert(Connection connection, List<Observation> observations, long jobExecutionId)
			throws SQLException {
		load(connection, IngestSql.INSERT_INTO_OBSERVATIONS, observations, jobExecutionId);
	}

	@Override
	public void stage(Connection connection, List<Observation> observations) throws SQLException {
		load(connection, IngestSql.INSERT_INTO_STAGE, observations, null);
	}

	@Override
	public String createStage() {
		return IngestSql.CREATE_STAGE_H2;
	}

	private static void load(Connection connection, String insertStatement, List<Observation> observations,
			Long jobExecutionId) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(insertStatement)) {
			for (Observation o : observations) {
				insert.setString(1, o.stationId());
				insert.setObject(2, o.date());
				setNullableInt(insert, 3, o.maxTemp());
				setNullableInt(insert, 4, o.minTemp());
				setNullableInt(insert, 5, o.precipitation());
				insert.setString(6, o.qualityFlags());
				if (jobExecutionId != null) {
					insert.setLong(7, jobExecutionId);
				}
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
		if (value != null) {
			statement.setInt(index, value);
		}
		else {
			statement.setNull(index, Types.INTEGER);
		}
	}

}
