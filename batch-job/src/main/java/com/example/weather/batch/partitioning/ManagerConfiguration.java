package com.example.weather.batch.partitioning;

import com.example.weather.batch.IngestProperties;
import com.example.weather.batch.ingest.StationFilePartitioner;
import com.example.weather.batch.ingest.StationOrderSplitter;
import com.example.weather.batch.stats.StationRangePartitioner;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The manager ({@code ingest.partitioning=remote}): the job's two partitioned steps split their work as in a local
 * run, but send one Spring Batch {@code StepExecutionRequest} per partition to the request queue, and learn how each
 * partition ended by polling the job repository, where the workers record it. Shaped like spring-batch-samples'
 * remote partitioning manager, in its polling form: the aggregating form keeps the replies in memory and loses them
 * when the manager restarts (Spring Batch issues 4011 and 5158), while a rerun of a polling manager finds everything
 * in the repository.
 * <p>
 * Every request is published with a publisher confirm and as mandatory, and the manager waits for the confirm: a
 * request the broker could not route to a queue, or refused, fails the step at once instead of being lost.
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
@ConditionalOnProperty(name = "ingest.partitioning", havingValue = "remote")
public class ManagerConfiguration {

	@Bean
	Declarables managerPartitionQueues(PartitioningProperties properties) {
		return PartitionQueues.declarables(properties.remote());
	}

	@Bean
	DirectChannel partitionRequests() {
		return new DirectChannel();
	}

	@Bean
	IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, ConnectionFactory connectionFactory,
			PartitioningProperties properties) {
		if (!connectionFactory.isPublisherConfirms() || !connectionFactory.isPublisherReturns()) {
			throw new IllegalStateException("Remote partitioning needs publisher confirms and returns, so that no "
					+ "partition request is lost: set spring.rabbitmq.publisher-confirm-type=correlated and "
					+ "spring.rabbitmq.publisher-returns=true (the job's defaults)");
		}
		RabbitTemplate template = new RabbitTemplate(connectionFactory);
		template.setMessageConverter(PartitionQueues.requestConverter());
		template.setMandatory(true);
		return IntegrationFlow.from(partitionRequests)
			.handle(Amqp.outboundAdapter(template)
				.routingKey(properties.remote().queue())
				.confirmCorrelationExpression("payload")
				.waitForConfirm(true))
			.get();
	}

	@Bean
	Step ingestFiles(JobRepository jobRepository, StationFilePartitioner stationFilePartitioner,
			DirectChannel partitionRequests, IngestProperties ingestProperties, PartitioningProperties properties) {
		String workerStep = "ingestFile";
		return manager("ingestFiles", jobRepository, partitionRequests, ingestProperties, properties)
			.partitioner(workerStep, stationFilePartitioner)
			.splitter(new StationOrderSplitter(jobRepository, workerStep, stationFilePartitioner))
			.listener(new RemotePartitionResults(jobRepository, workerStep, properties.remote()))
			.build();
	}

	@Bean
	Step refreshYearlyStats(JobRepository jobRepository, StationRangePartitioner stationRangePartitioner,
			DirectChannel partitionRequests, IngestProperties ingestProperties, PartitioningProperties properties) {
		return manager("refreshYearlyStats", jobRepository, partitionRequests, ingestProperties, properties)
			.partitioner("refreshStationStats", stationRangePartitioner)
			.listener(new RemotePartitionResults(jobRepository, "refreshStationStats", properties.remote()))
			.build();
	}

	private static RemotePartitioningManagerStepBuilder manager(String name, JobRepository jobRepository,
			DirectChannel partitionRequests, IngestProperties ingestProperties, PartitioningProperties properties) {
		// the grid size only shapes the statistics ranges: as many as a local run computes at once
		return new RemotePartitioningManagerStepBuilder(name, jobRepository).outputChannel(partitionRequests)
			.pollInterval(properties.remote().pollInterval().toMillis())
			.timeout(properties.remote().timeout().toMillis())
			.gridSize(ingestProperties.concurrency());
	}

}
