package com.example.weather.api.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and overview of the OpenAPI document; each endpoint documents itself.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI weatherApi() {
		return new OpenAPI().info(new Info().title("Weather data warehouse API")
			.version("1")
			.description("""
					Read-only access to daily weather observations, yearly statistics per station, stations and the \
					ingest job's history. Lists are paginated by page or, faster for deep pages, by cursor; they \
					stream as CSV with format=csv or Accept: text/csv. Responses carry an ETag that changes when a \
					load completes. Errors are RFC 9457 problem documents."""));
	}

}
