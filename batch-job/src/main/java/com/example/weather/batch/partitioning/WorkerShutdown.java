package com.example.weather.batch.partitioning;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A worker's SIGTERM (ECS stopping the task, a Fargate Spot interruption): it takes no new request, and each
 * partition it runs halts at its next chunk boundary, after a commit, without recording anything more. Once every
 * partition has halted, the process exits; the broker, seeing the connection go, puts the unacknowledged requests
 * back in the queue, and another worker resumes each partition from its last commit, as after a crash. (Stopping
 * the partition as Spring Batch's STOPPED would tell the manager it had ended, and the manager would end its step
 * before another worker could finish it.)
 * <p>
 * Inactive unless {@link #onSigterm(Duration)} is installed, which only a worker does.
 */
public class WorkerShutdown {

	private static final Log logger = LogFactory.getLog(WorkerShutdown.class);

	private final Object monitor = new Object();

	private volatile boolean stopping;

	private int busy;

	private int halted;

	private long idleSince = System.nanoTime();

	private Thread hook;

	/**
	 * Installs the JVM shutdown hook, which waits up to {@code timeout} for the partitions to halt, and starts the
	 * idle clock.
	 */
	public void onSigterm(Duration timeout) {
		synchronized (this.monitor) {
			this.idleSince = System.nanoTime();
		}
		this.hook = new Thread(() -> stopAndWait(timeout), "worker-stop-on-shutdown");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	/** The worker leaves on its own (idle): nothing to stop. */
	public void exiting() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException shutdownInProgress) {
			// the hook runs already
		}
	}

	public boolean isStopping() {
		return this.stopping;
	}

	/** A request is being handled. */
	void begin() {
		synchronized (this.monitor) {
			this.busy++;
		}
	}

	/** The request is handled (and will be acknowledged). */
	void end() {
		synchronized (this.monitor) {
			this.busy--;
			this.idleSince = System.nanoTime();
			this.monitor.notifyAll();
		}
	}

	/** How long no request has been handled; zero while one is. */
	Duration idleFor() {
		synchronized (this.monitor) {
			return (this.busy > 0) ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - this.idleSince);
		}
	}

	/**
	 * Called at a chunk boundary, or before a request is started, once stopping: the calling thread never returns,
	 * so its request is neither finished nor acknowledged.
	 */
	void halt(String what) {
		// said before the count lets the shutdown hook go on: once every partition has halted, the process exits
		logger.info("Stopping: " + what + " halts here; its request goes back to the queue when this worker exits");
		synchronized (this.monitor) {
			this.halted++;
			this.monitor.notifyAll();
		}
		while (true) {
			try {
				Thread.sleep(Long.MAX_VALUE);
			}
			catch (InterruptedException ex) {
				// only the end of the process ends this thread
			}
		}
	}

	private void stopAndWait(Duration timeout) {
		this.stopping = true;
		logger.info("SIGTERM: taking no more partition requests; running partitions stop at their next chunk boundary");
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			while (this.busy > this.halted) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					logger.warn("%d partitions did not reach a chunk boundary within %s; exiting anyway, their requests "
						.formatted(this.busy - this.halted, timeout) + "go back to the queue");
					return;
				}
				try {
					this.monitor.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
		logger.info("Every running partition halted at a chunk boundary; exiting");
	}

}
