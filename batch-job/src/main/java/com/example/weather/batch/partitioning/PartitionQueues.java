package com.example.weather.batch.partitioning;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;

/**
 * The request queue and its dead-letter queue, declared the same way by the manager and by every worker (whoever
 * connects first creates them; a declaration that differs from the existing queue is refused by the broker, so
 * both sides declare them here), and the JSON form of the requests.
 * <p>
 * The request queue is a quorum queue: the broker counts each request's deliveries, including those to a worker
 * that died holding it, and after {@code ingest.remote.delivery-limit} of them moves the request to the
 * dead-letter queue (through the default exchange) instead of handing it out for ever.
 */
final class PartitionQueues {

	/** Spring Batch's request, the one type a worker accepts from the queue. */
	private static final String REQUEST_PACKAGE = "org.springframework.batch.integration.partition";

	private PartitionQueues() {
	}

	static Declarables declarables(PartitioningProperties.Remote remote) {
		Queue requests = QueueBuilder.durable(remote.queue())
			.quorum()
			.deliveryLimit(remote.deliveryLimit())
			.deadLetterExchange("")
			.deadLetterRoutingKey(remote.deadLetterQueue())
			.build();
		Queue deadLetters = QueueBuilder.durable(remote.deadLetterQueue()).build();
		return new Declarables(requests, deadLetters);
	}

	/** Requests travel as JSON ({@code {"stepExecutionId":42,"stepName":"ingestFile"}}), never Java serialization. */
	static JacksonJsonMessageConverter requestConverter() {
		return new JacksonJsonMessageConverter(REQUEST_PACKAGE);
	}

}
