package com.example.weather.api.web;

import java.util.List;

import com.example.weather.api.ApiProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-cutting web setup: unknown parameters are rejected, and browsers from the configured origins may GET.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

	private final ApiProperties.Cors cors;

	public WebConfiguration(ApiProperties properties) {
		this.cors = properties.cors();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new KnownParameters()).addPathPatterns("/api/**");
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		List<String> origins = this.cors.allowedOrigins();
		if (origins.isEmpty()) {
			return;
		}
		CorsRegistration registration = registry.addMapping("/api/**");
		if (origins.equals(List.of("*"))) {
			// a literal '*' rather than the echoed origin, so that one cached response serves every origin
			registration.allowedOrigins("*");
		}
		else {
			registration.allowedOriginPatterns(origins.toArray(String[]::new));
		}
		registration
			.allowedMethods("GET", "HEAD")
			.allowedHeaders("*")
			.exposedHeaders(HttpHeaders.ETAG, HttpHeaders.CONTENT_DISPOSITION)
			.allowCredentials(false)
			.maxAge(this.cors.maxAge().toSeconds());
	}

}
