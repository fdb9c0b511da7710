package com.example.weather.batch.partitioning;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The worker's life ({@code ingest.worker=true}): checks that the broker answers, then, while the listener started
 * with the application takes partition requests, waits until
 * none has come for {@code ingest.worker.idle-timeout}, then stops taking them and returns, and the process exits 0.
 * A SIGTERM ends it sooner (see {@link WorkerShutdown}).
 */
public class IngestWorker implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(IngestWorker.class);

	private final AbstractMessageListenerContainer requests;

	private final ConnectionFactory connectionFactory;

	private final WorkerShutdown shutdown;

	private final Duration idleTimeout;

	private final Duration stopTimeout;

	private final String description;

	public IngestWorker(AbstractMessageListenerContainer requests, ConnectionFactory connectionFactory,
			WorkerShutdown shutdown, Duration idleTimeout, Duration stopTimeout, String description) {
		this.requests = requests;
		this.connectionFactory = connectionFactory;
		this.shutdown = shutdown;
		this.idleTimeout = idleTimeout;
		this.stopTimeout = stopTimeout;
		this.description = description;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		// a worker that cannot reach the broker fails now, loudly, instead of idling out with exit code 0
		this.connectionFactory.createConnection().close();
		this.shutdown.onSigterm(this.stopTimeout);
		logger.info("Worker %s takes partition requests from queue %s; exits after %s without one"
			.formatted(this.description, String.join(",", this.requests.getQueueNames()), this.idleTimeout));
		long pause = Math.max(10, Math.min(1000, this.idleTimeout.toMillis() / 10));
		while (this.shutdown.idleFor().compareTo(this.idleTimeout) < 0) {
			Thread.sleep(pause);
		}
		this.requests.stop();
		this.shutdown.exiting();
		logger.info("No partition request for %s: worker exits".formatted(this.idleTimeout));
	}

}
