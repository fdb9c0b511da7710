package com.example.weather.batch.launch;

/**
 * The run no longer holds its run lock (its lock session ended: killed, or cut off from the database), so another
 * run may hold it now: this one must write nothing more.
 */
public class RunLockLostException extends RuntimeException {

	public RunLockLostException(String token) {
		super("This run lost its run lock (database session " + token
				+ " no longer holds it): it stops writing so that another run can take over; rerun the same run.date");
	}

}
