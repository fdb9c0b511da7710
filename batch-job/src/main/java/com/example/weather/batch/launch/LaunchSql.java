package com.example.weather.batch.launch;

/**
 * The SQL of the run lock and its fence ({@link IngestRunLock}, {@link RunLockFence}), all of it: PostgreSQL's
 * advisory locks, and the session that holds one as {@code pg_locks} and {@code pg_stat_activity} show it. A key is
 * bound as a {@code bigint}.
 */
final class LaunchSql {

	static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?)";

	/** Takes a key exclusively, waiting for whoever holds it; always true. */
	static final String WAIT_FOR_LOCK = "SELECT count(*) = 1 FROM (SELECT pg_advisory_lock(?)) f";

	/** Takes a key shared until the transaction ends, waiting for an exclusive holder. */
	static final String WAIT_FOR_LOCK_SHARED_IN_TRANSACTION = "SELECT count(*) FROM "
			+ "(SELECT pg_advisory_xact_lock_shared(?)) f";

	static final String UNLOCK = "SELECT pg_advisory_unlock(?)";

	/**
	 * The session holding a lock: a {@code bigint} advisory key shows in {@code pg_locks} as {@code classid} (high 32
	 * bits) and {@code objid} (low 32 bits), bound as the two parameters.
	 */
	private static final String HOLDER = """
			pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.classid = ? AND l.objid = ?""";

	/** A session's identity ({@code a}: its {@code pg_stat_activity} row); a pid alone can be reused by a later one. */
	private static final String SESSION_TOKEN = "a.pid || '@' || extract(epoch FROM a.backend_start)";

	/** This session's token. */
	static final String OWN_TOKEN = "SELECT " + SESSION_TOKEN
			+ " FROM pg_stat_activity a WHERE a.pid = pg_backend_pid()";

	/** Who holds a lock, for the message of a run refused because another is in progress. */
	static final String DESCRIBE_HOLDER = "SELECT a.pid, a.client_addr, a.backend_start FROM " + HOLDER;

	/** Whether a lock is held by the session of a token, bound after the key's two halves. */
	static final String HELD_BY_TOKEN = "SELECT EXISTS (SELECT 1 FROM " + HOLDER + " AND " + SESSION_TOKEN + " = ?)";

	private LaunchSql() {
	}

}
