package com.example.weather.api.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes every PostgreSQL session of the API read-only from its first statement. Hikari's {@code read-only} flag
 * only binds inside transactions, and the API runs its queries in autocommit: there a user that may write could.
 * With {@code default_transaction_read_only} on, PostgreSQL refuses any write (SQLSTATE 25006), whatever the
 * user's grants; the role the project ships ({@code db/roles/weather-roles.sql}) is the second line.
 * <p>
 * The embedded H2 file of the zero-configuration setup has no such setting; there the flag stays Hikari's.
 */
public class ReadOnlySessions implements BeanPostProcessor {

	/** Run once per new connection, in autocommit, before the pool hands it out. */
	public static final String POSTGRESQL_INIT_SQL = "SET SESSION default_transaction_read_only = on";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource) {
			apply(dataSource);
		}
		return bean;
	}

	/** Sets the session up read-only if it is PostgreSQL's; other databases keep their settings. */
	public static void apply(HikariDataSource dataSource) {
		String url = dataSource.getJdbcUrl();
		dataSource.setReadOnly(true);
		if (url != null && url.startsWith("jdbc:postgresql:")) {
			SessionInitSql.add(dataSource, POSTGRESQL_INIT_SQL);
		}
	}

}
