package com.example.weather.batch;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * On PostgreSQL, lets the job's commits return before their WAL reaches disk ({@code synchronous_commit = off} on
 * every connection of the pool), unless {@code ingest.synchronous-commit=true}.
 * <p>
 * A partition commits half a dozen times (its step execution, its chunks, its manifest row), and waiting for the
 * disk each time cost about a second of a full load's eleven. What this gives up is only on a crash of the database
 * server itself: the last fraction of a second of commits can be lost, never half-applied, and since data and batch
 * metadata are lost together, rerunning the night redoes exactly what is missing.
 */
class AsynchronousCommit implements BeanPostProcessor {

	private final boolean synchronousCommit;

	AsynchronousCommit(Environment environment) {
		// a post-processor is created before configuration properties beans, so it binds the settings itself
		this.synchronousCommit = Binder.get(environment)
			.bindOrCreate("ingest", IngestProperties.class)
			.synchronousCommit();
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (!this.synchronousCommit && bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
			pool.setConnectionInitSql("SET synchronous_commit = off");
		}
		return bean;
	}

}
