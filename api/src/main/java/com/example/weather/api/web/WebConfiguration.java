package com.example.weather.api.web;

import java.util.List;

import com.example.weather.api.ApiProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.Validator;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.config.annotation.CorsRegistration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-cutting web setup: malformed query strings and unknown parameters are rejected, text parameters bind
 * without the conversion service, CSV exports are capped, and browsers from the configured origins (none by default)
 * may GET.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

	private final ApiProperties.Cors cors;

	private final CsvExportLimit csvExportLimit;

	public WebConfiguration(ApiProperties properties, ObjectProvider<ExportThreads> exportThreads) {
		this.cors = properties.cors();
		this.csvExportLimit = new CsvExportLimit(properties.exports(),
				exportThreads.getIfAvailable(() -> ExportThreads.NONE));
	}

	@Bean
	CsvExportLimit csvExportLimit() {
		return this.csvExportLimit;
	}

	/** What no controller answers is answered as a problem document all the same. */
	@Bean
	ProblemDocuments problemDocuments(ApiProblems problems, JsonMapper jsonMapper) {
		return new ProblemDocuments(problems, jsonMapper);
	}

	/** Malformed query strings are refused before anything reads a parameter. */
	@Bean
	FilterRegistrationBean<WellFormedRequests> wellFormedRequests(ProblemDocuments problemDocuments) {
		FilterRegistrationBean<WellFormedRequests> registration = new FilterRegistrationBean<>(
				new WellFormedRequests(problemDocuments));
		// after the character encoding and observation filters, before anything that reads parameters
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * How Spring MVC sets up the binder of each request parameter: as Boot's own (the MVC conversion service and
	 * validator), and with {@link RequestParameterEditors} for {@code String} parameters. Boot uses this bean
	 * in place of its own, so {@code spring.mvc.message-codes-resolver-format} has no effect: nothing here binds
	 * forms, whose errors would be resolved to message codes.
	 */
	@Bean
	ConfigurableWebBindingInitializer requestParameterBinding(
			@Qualifier("mvcConversionService") FormattingConversionService conversionService,
			@Qualifier("mvcValidator") Validator validator) {
		ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
		initializer.setConversionService(conversionService);
		initializer.setValidator(validator);
		initializer.setPropertyEditorRegistrar(RequestParameterEditors::register);
		return initializer;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new KnownParameters()).addPathPatterns("/api/**");
		registry.addInterceptor(this.csvExportLimit).addPathPatterns("/api/**");
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
