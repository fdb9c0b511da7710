package com.example.weather.batch.launch;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.example.weather.batch.IngestProperties;
import com.example.weather.changelog.BatchTablePrefix;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the command line and the settings as soon as the environment is known, before any bean exists: a wrong
 * argument or setting stops the job with exit code 2 before it has touched anything, the database schema included
 * (Liquibase migrates while the context starts).
 * <p>
 * Also where production is kept from development defaults: the embedded H2 database and the bundled sample are
 * only there without a profile or with {@code local} ({@code application.yml}); with any other profile
 * ({@code cloud} in ECS), a missing {@code spring.datasource.url} or {@code ingest.input} is an error, never a
 * silent fall-back to an H2 file inside a container.
 */
public class IngestSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** The profiles the development defaults come with ({@code default}: no profile active). */
	public static final Set<String> DEVELOPMENT_PROFILES = Set.of("default", "local");

	private final Clock clock;

	public IngestSettingsCheck(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!environment.getProperty("ingest.run-on-startup", Boolean.class, true)) {
			return;
		}
		try {
			IngestArguments.parse(new DefaultApplicationArguments(event.getArgs()).getNonOptionArgs(),
					environment.getProperty(IngestArguments.RUN_DATE), this.clock);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSettingsException(ex.getMessage());
		}
		IngestProperties properties;
		try {
			properties = Binder.get(environment).bindOrCreate("ingest", IngestProperties.class);
		}
		catch (BindException ex) {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			// a value that does not convert names its property; a value the settings refuse says what is wrong
			throw new InvalidSettingsException((ex.getProperty() != null) ? "Invalid setting %s=%s: %s"
				.formatted(ex.getProperty().getName(), ex.getProperty().getValue(), cause.getMessage())
					: cause.getMessage());
		}
		String tablePrefix = Binder.get(environment).bind(BatchTablePrefix.PROPERTY, String.class).orElse(null);
		if (tablePrefix != null) {
			try {
				BatchTablePrefix.check(tablePrefix);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidSettingsException(ex.getMessage());
			}
		}
		List<String> profiles = List.of(environment.getActiveProfiles());
		boolean development = profiles.isEmpty() || profiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains);
		if (!development && !environment.containsProperty("spring.datasource.url")) {
			throw new InvalidSettingsException(("spring.datasource.url (SPRING_DATASOURCE_URL) is not set: with profile "
					+ "%s the job never falls back to the embedded H2 database").formatted(profiles));
		}
		if (properties.input() == null || properties.input().isBlank()) {
			throw new InvalidSettingsException(("ingest.input (INGEST_INPUT) is not set: where are the station files? "
					+ "(with profile %s the job never falls back to the bundled sample)").formatted(profiles));
		}
	}

}
