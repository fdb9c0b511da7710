package com.example.weather.api.database;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Bounds every statement on the API's pool ({@code weather.api.query-timeout}, 10 s): a longer one (a very deep
 * {@code page=}) is cancelled by the database, SQLSTATE 57014, and answered 503, so that it cannot hold one of the
 * pool's connections indefinitely.
 * <p>
 * The bound is a setting of each session, made once when the pool opens the connection: PostgreSQL's
 * {@code statement_timeout}, H2's {@code QUERY_TIMEOUT}. A JDBC query timeout ({@code Statement.setQueryTimeout},
 * which {@code spring.jdbc.template.query-timeout} sets) would bound the same queries, but PgJDBC schedules a task
 * on a shared {@link java.util.Timer} before each one and cancels it after, under a lock every request thread
 * shares: a cost paid on every page (bench/README.md).
 */
public class StatementTimeouts implements BeanPostProcessor {

	private final Duration timeout;

	public StatementTimeouts(Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("weather.api.query-timeout must be positive, was " + timeout);
		}
		this.timeout = timeout;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource) {
			String setting = sessionSetting(dataSource.getJdbcUrl());
			if (setting != null) {
				SessionInitSql.add(dataSource, setting);
			}
		}
		return bean;
	}

	/** The statement that bounds a session of the database at {@code url}, or null for one this API never uses. */
	String sessionSetting(String url) {
		if (url == null) {
			return null;
		}
		if (url.startsWith("jdbc:postgresql:")) {
			return "SET SESSION statement_timeout = " + this.timeout.toMillis();
		}
		if (url.startsWith("jdbc:h2:")) {
			return "SET QUERY_TIMEOUT " + this.timeout.toMillis();
		}
		return null;
	}

}
