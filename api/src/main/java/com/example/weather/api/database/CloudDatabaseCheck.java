package com.example.weather.api.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * With the {@code cloud} profile (production), refuses to start unless {@code spring.datasource.url} names the
 * real database. Without it the API would quietly serve the embedded H2 file of the zero-configuration setup (or
 * an empty in-memory one): healthy to every probe, and answering nothing but 503s. It runs before any bean is
 * made, so the process exits non-zero with this message as the reason.
 */
public class CloudDatabaseCheck implements BeanFactoryPostProcessor {

	static final String URL = "spring.datasource.url";

	private final Environment environment;

	public CloudDatabaseCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String url = this.environment.getProperty(URL);
		if (url == null || url.isBlank() || url.startsWith("jdbc:h2:")) {
			throw new IllegalStateException("The cloud profile needs the warehouse's PostgreSQL database: set "
					+ "SPRING_DATASOURCE_URL (spring.datasource.url), with SPRING_DATASOURCE_USERNAME and _PASSWORD; it "
					+ "is " + ((url == null || url.isBlank()) ? "not set" : "the embedded development database")
					+ ", which production never falls back to");
		}
	}

}
