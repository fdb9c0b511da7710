package com.example.weather.api.web;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a query whose rows are handled one at a time and never held together: the PostgreSQL driver only fetches
 * in batches (instead of the whole result) inside a transaction and with a fetch size.
 */
@Component
public class RowStreams {

	private static final int FETCH_SIZE = 1000;

	private final NamedParameterJdbcTemplate jdbcTemplate;

	private final TransactionTemplate readOnly;

	public RowStreams(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
		JdbcTemplate streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
		streaming.setFetchSize(FETCH_SIZE);
		this.jdbcTemplate = new NamedParameterJdbcTemplate(streaming);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	public void forEach(String sql, Map<String, ?> parameters, RowCallbackHandler handler) {
		this.readOnly.executeWithoutResult((status) -> this.jdbcTemplate.query(sql, parameters, handler));
	}

}
