package com.example.weather.api.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Read-only sessions always; in production, no start without the real database.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	@Bean
	static ReadOnlySessions readOnlySessions() {
		return new ReadOnlySessions();
	}

	@Bean
	@Profile("cloud")
	static CloudDatabaseCheck cloudDatabaseCheck(Environment environment) {
		return new CloudDatabaseCheck(environment);
	}

}
