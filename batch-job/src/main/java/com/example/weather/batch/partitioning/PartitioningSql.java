package com.example.weather.batch.partitioning;

/**
 * The SQL of the partitions' run fence ({@link RunFence}), which reads the job repository's tables directly: they
 * are named with the job repository's prefix ({@code spring.batch.jdbc.table-prefix}), so each statement is built
 * once for it, when the fence is.
 */
final class PartitioningSql {

	private PartitioningSql() {
	}

	/** The status of a job execution ({@code job_execution_id}): one row of the job execution table. */
	static String runStatus(String tablePrefix) {
		return "SELECT status FROM " + tablePrefix + "JOB_EXECUTION WHERE job_execution_id = ?";
	}

}
