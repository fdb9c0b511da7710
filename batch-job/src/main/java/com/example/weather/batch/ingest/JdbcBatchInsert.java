package com.example.weather.batch.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Loads observations by a JDBC batch of inserts: the way in on H2, which has no {@code COPY}. */
class JdbcBatchInsert implements ObservationBulkLoad {

	@Override
	public void load(Connection connection, String table, List<Observation> observations, Long jobExecutionId)
			throws SQLException {
		String values = (jobExecutionId != null) ? "(?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?)";
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES " + values)) {
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

	@Override
	public String createTemporaryTable(String name, String columns) {
		// TRANSACTIONAL: H2 would otherwise commit the chunk's open transaction on DDL
		return "CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + name + " " + columns
				+ " ON COMMIT DELETE ROWS TRANSACTIONAL";
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
