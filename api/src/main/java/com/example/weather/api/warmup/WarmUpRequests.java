package com.example.weather.api.warmup;

import java.security.SecureRandom;
import java.util.HexFormat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * The warm-up's own requests: they carry {@link #HEADER} with a value drawn when the process starts, which no
 * client can know, and are left out of the request observations, so that {@code http.server.requests} (the
 * CloudWatch latency and error metrics) shows what clients saw, not a cold JVM serving itself.
 */
@Component
class WarmUpRequests implements ObservationPredicate {

	static final String HEADER = "X-Weather-Warm-Up";

	private final String token;

	WarmUpRequests() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		this.token = HexFormat.of().formatHex(bytes);
	}

	/** The value of {@link #HEADER} that marks a request as the warm-up's. */
	String token() {
		return this.token;
	}

	boolean isWarmUp(HttpServletRequest request) {
		return this.token.equals(request.getHeader(HEADER));
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		return !(context instanceof ServerRequestObservationContext request && isWarmUp(request.getCarrier()));
	}

}
