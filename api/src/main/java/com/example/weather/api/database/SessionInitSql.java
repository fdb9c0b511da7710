package com.example.weather.api.database;

import com.zaxxer.hikari.HikariDataSource;

/** The statements a pool runs on each new connection before handing it out, added to by each session setting. */
final class SessionInitSql {

	private SessionInitSql() {
	}

	/** Adds {@code statement} to what the pool runs on each new connection. */
	static void add(HikariDataSource dataSource, String statement) {
		String init = dataSource.getConnectionInitSql();
		dataSource.setConnectionInitSql((init == null || init.isBlank()) ? statement : init + "; " + statement);
	}

}
