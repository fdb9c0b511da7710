package com.example.weather.batch.partitioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the job runs its partitions, bound from {@code ingest.*} (environment: {@code INGEST_PARTITIONING},
 * {@code INGEST_WORKER}, {@code INGEST_REMOTE_*}). The broker itself is Spring Boot's {@code spring.rabbitmq.*}.
 *
 * @param partitioning {@code local}: the partitions run on threads of this process; {@code remote}: this process
 * is the manager and sends them to workers
 * @param worker whether this process is a worker: it takes partition requests instead of launching the job
 * @param remote the request queue and the manager's patience
 */
@ConfigurationProperties("ingest")
public record PartitioningProperties(@DefaultValue("local") Partitioning partitioning,
		@DefaultValue("false") boolean worker, @DefaultValue Remote remote) {

	public enum Partitioning {

		LOCAL, REMOTE

	}

	/**
	 * @param queue the request queue; its dead-letter queue is named after it ({@code <queue>.dead-letter}). Two
	 * environments sharing a broker use two names
	 * @param timeout how long the manager waits for all partitions of a step before the run fails
	 * @param pollInterval how often the manager reads the partitions' status from the job repository
	 * @param deliveryLimit how many times a request is delivered (a worker that dies or fails to handle it gives it
	 * back) before it goes to the dead-letter queue
	 */
	public record Remote(@DefaultValue("weather-ingest.partitions") String queue, @DefaultValue("1h") Duration timeout,
			@DefaultValue("1s") Duration pollInterval, @DefaultValue("5") int deliveryLimit) {

		public Remote {
			if (queue.isBlank()) {
				throw new IllegalArgumentException("ingest.remote.queue must not be blank");
			}
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("ingest.remote.timeout must be positive, was " + timeout);
			}
			if (deliveryLimit < 1) {
				throw new IllegalArgumentException("ingest.remote.delivery-limit must be at least 1, was " + deliveryLimit);
			}
		}

		public String deadLetterQueue() {
			return this.queue + ".dead-letter";
		}

	}

}
