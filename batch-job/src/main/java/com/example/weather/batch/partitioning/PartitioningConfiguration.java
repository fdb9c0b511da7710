package com.example.weather.batch.partitioning;

import java.util.Objects;

import org.springframework.batch.core.repository.dao.AbstractJdbcBatchMetadataDao;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the partitions need in every mode, local, manager or worker: the name of the process that runs them, and
 * the check at each chunk boundary that their run goes on. {@link ManagerConfiguration} and
 * {@link WorkerConfiguration} add the remote parts when switched on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartitioningProperties.class)
public class PartitioningConfiguration {

	@Bean
	public WorkerIdentity workerIdentity() {
		return WorkerIdentity.ofThisProcess();
	}

	@Bean
	public WorkerShutdown workerShutdown() {
		return new WorkerShutdown();
	}

	/** Reads the run's status from the job repository's tables, with the prefix Boot gives the repository. */
	@Bean
	public RunFence runFence(JdbcTemplate jdbcTemplate, WorkerShutdown workerShutdown,
			BatchJdbcProperties batchJdbcProperties) {
		return new RunFence(jdbcTemplate, workerShutdown, Objects.requireNonNullElse(
				batchJdbcProperties.getTablePrefix(), AbstractJdbcBatchMetadataDao.DEFAULT_TABLE_PREFIX));
	}

}
