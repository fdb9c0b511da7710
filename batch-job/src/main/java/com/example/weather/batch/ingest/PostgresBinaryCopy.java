package com.example.weather.batch.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads observations by PostgreSQL's binary {@code COPY}: dates and integers go as the server stores them, so it
 * parses no text at all. The whole chunk is encoded into one buffer and sent in one write.
 */
class PostgresBinaryCopy implements ObservationBulkLoad {

	private static final byte[] BINARY_COPY_HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
			0, 0, 0, 0, 0, 0, 0, 0 };

	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	@Override
	public void insert(Connection connection, List<Observation> observations, long jobExecutionId)
			throws SQLException {
		copy(connection, IngestSql.COPY_INTO_OBSERVATIONS, observations, jobExecutionId);
	}

	@Override
	public void stage(Connection connection, List<Observation> observations) throws SQLException {
		copy(connection, IngestSql.COPY_INTO_STAGE, observations, null);
	}

	@Override
	public String createStage() {
		return IngestSql.CREATE_STAGE_POSTGRES;
	}

	private static void copy(Connection connection, String copyStatement, List<Observation> observations,
			Long jobExecutionId) throws SQLException {
		ByteBuffer rows = encode(observations, jobExecutionId);
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement);
		try {
			copy.writeToCopy(rows.array(), 0, rows.position());
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private static ByteBuffer encode(List<Observation> observations, Long jobExecutionId) {
		short fields = (short) ((jobExecutionId != null) ? 7 : 6);
		ByteBuffer rows = ByteBuffer.allocate(BINARY_COPY_HEADER.length + 2 + observations.size() * 96);
		rows.put(BINARY_COPY_HEADER);
		byte[] stationId = null;
		for (Observation o : observations) {
			if (stationId == null) {
				stationId = o.stationId().getBytes(StandardCharsets.UTF_8);
			}
			rows = ensureRoom(rows, 64 + stationId.length
					+ ((o.qualityFlags() != null) ? o.qualityFlags().length() * 3 : 0));
			rows.putShort(fields);
			rows.putInt(stationId.length).put(stationId);
			rows.putInt(4).putInt((int) (o.date().toEpochDay() - POSTGRES_EPOCH_DAY));
			putNullable(rows, o.maxTemp());
			putNullable(rows, o.minTemp());
			putNullable(rows, o.precipitation());
			if (o.qualityFlags() != null) {
				byte[] flags = o.qualityFlags().getBytes(StandardCharsets.UTF_8);
				rows.putInt(flags.length).put(flags);
			}
			else {
				rows.putInt(-1);
			}
			if (jobExecutionId != null) {
				rows.putInt(8).putLong(jobExecutionId);
			}
		}
		rows = ensureRoom(rows, 2);
		rows.putShort((short) -1);
		return rows;
	}

	private static void putNullable(ByteBuffer rows, Integer value) {
		if (value != null) {
			rows.putInt(4).putInt(value);
		}
		else {
			rows.putInt(-1);
		}
	}

	private static ByteBuffer ensureRoom(ByteBuffer rows, int bytes) {
		if (rows.remaining() >= bytes) {
			return rows;
		}
		ByteBuffer larger = ByteBuffer.allocate(Math.max(rows.capacity() * 2, rows.position() + bytes));
		return larger.put(rows.array(), 0, rows.position());
	}

}
