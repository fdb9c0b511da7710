package com.example.weather.api.database;

import com.example.weather.api.ApiProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Read-only sessions, each with a bound on its statements, always; in production, no start without the real
 * database.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	@Bean
	static ReadOnlySessions readOnlySessions() {
		return new ReadOnlySessions();
	}

	@Bean
	static StatementTimeouts statementTimeouts(Environment environment) {
		// bound here rather than injected: a post-processor is made before the beans it could take
		return new StatementTimeouts(
				Binder.get(environment).bindOrCreate("weather.api", ApiProperties.class).queryTimeout());
	}

	@Bean
	@Profile("cloud")
	static CloudDatabaseCheck cloudDatabaseCheck(Environment environment) {
		return new CloudDatabaseCheck(environment);
	}

}
