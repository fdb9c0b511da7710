package com.example.weather.api.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import com.example.weather.api.database.ReadOnlySessions;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, asked on connections of its own: a small pool apart from the one requests share,
 * so that the answer never waits behind exports or slow pages, and comes within {@link #TIMEOUT} either way. It
 * is the readiness of the service (the load balancer's question), never its liveness.
 */
@Component
public class DatabaseProbe implements DisposableBean {

	/** How long the probe waits for a connection, and then for its query. */
	public static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(DatabaseProbe.class);

	private final HikariDataSource dataSource;

	DatabaseProbe(DataSourceProperties properties) {
		this.dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		this.dataSource.setPoolName("readiness");
		// the load balancer, the container check and /api/health may ask at the same moment
		this.dataSource.setMaximumPoolSize(2);
		this.dataSource.setMinimumIdle(1);
		this.dataSource.setConnectionTimeout(TIMEOUT.toMillis());
		this.dataSource.setValidationTimeout(Math.min(TIMEOUT.toMillis(), 1000));
		// start even while the database is away: that is what the probe is there to tell
		this.dataSource.setInitializationFailTimeout(-1);
		ReadOnlySessions.apply(this.dataSource);
	}

	/** True if the database ran a query within the timeout. */
	public boolean databaseAnswers() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.setQueryTimeout((int) TIMEOUT.toSeconds());
			statement.execute("SELECT 1");
			return true;
		}
		catch (SQLException ex) {
			logger.warn("The database did not answer the readiness probe: " + ex.getMessage());
			return false;
		}
	}

	@Override
	public void destroy() {
		this.dataSource.close();
	}

}
