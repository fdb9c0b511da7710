package com.example.weather.batch.partitioning;

import java.time.Duration;

import com.example.weather.batch.IngestProperties;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * A worker ({@code ingest.worker=true}): the same jar, the same job and steps, but instead of launching the job it
 * takes Spring Batch's {@code StepExecutionRequest}s from the queue and runs the partition each names
 * ({@code ingestFile:...} or {@code refreshStationStats:...}) against the shared job repository. Shaped like
 * spring-batch-samples' remote partitioning worker, with the steps the job already defines (found by name, as
 * Spring Batch's {@code BeanFactoryStepLocator} does) rather than a worker step of its own, and the
 * {@link PartitionRequestGuard} in front of Spring Batch's request handler.
 * <p>
 * Prefetch 1: a worker holds one request per consumer and leaves the rest to other workers. Acknowledged once the
 * partition has ended; a worker that dies holding one gives it back to the queue.
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
@ConditionalOnBooleanProperty("ingest.worker")
public class WorkerConfiguration {

	@Bean
	Declarables workerPartitionQueues(PartitioningProperties properties) {
		return PartitionQueues.declarables(properties.remote());
	}

	@Bean
	SimpleMessageListenerContainer partitionRequestListener(ConnectionFactory connectionFactory,
			PartitioningProperties properties, IngestProperties ingestProperties) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueueNames(properties.remote().queue());
		container.setPrefetchCount(1);
		// one partition per consumer, as many at once as a local run loads files at once
		container.setConcurrentConsumers(ingestProperties.concurrency());
		container.setAcknowledgeMode(AcknowledgeMode.AUTO);
		// a request that throws is delivered again (counted by the quorum queue, then dead-lettered)
		container.setDefaultRequeueRejected(true);
		return container;
	}

	@Bean
	IntegrationFlow partitionRequestFlow(SimpleMessageListenerContainer partitionRequestListener,
			PartitionRequestGuard partitionRequestGuard) {
		return IntegrationFlow
			.from(Amqp.inboundAdapter(partitionRequestListener).messageConverter(PartitionQueues.requestConverter()))
			.handle(partitionRequestGuard, "handle")
			.get();
	}

	@Bean
	PartitionRequestGuard partitionRequestGuard(JobRepository jobRepository, BeanFactory beanFactory,
			WorkerShutdown workerShutdown) {
		BeanFactoryStepLocator stepLocator = new BeanFactoryStepLocator();
		stepLocator.setBeanFactory(beanFactory);
		StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
		handler.setJobRepository(jobRepository);
		handler.setStepLocator(stepLocator);
		return new PartitionRequestGuard(handler, jobRepository, workerShutdown);
	}

	@Bean
	IngestWorker ingestWorker(SimpleMessageListenerContainer partitionRequestListener,
			ConnectionFactory connectionFactory, WorkerShutdown workerShutdown, WorkerIdentity workerIdentity,
			IngestProperties ingestProperties, @Value("${ingest.worker.idle-timeout:5m}") Duration idleTimeout) {
		return new IngestWorker(partitionRequestListener, connectionFactory, workerShutdown, idleTimeout,
				ingestProperties.stopTimeout(), workerIdentity.description());
	}

}
