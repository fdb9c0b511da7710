package com.example.weather.api.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code database} part of {@code /actuator/health/readiness}: up while the database answers the
 * {@link DatabaseProbe}. Liveness never includes it: a database outage makes the tasks unready (the load balancer
 * stops sending them requests), not dead (ECS would replace them, for nothing).
 */
@Component("database")
class DatabaseReadiness implements HealthIndicator {

	private final DatabaseProbe probe;

	DatabaseReadiness(DatabaseProbe probe) {
		this.probe = probe;
	}

	@Override
	public Health health() {
		return this.probe.databaseAnswers() ? Health.up().build() : Health.down().build();
	}

}
