package com.example.weather.api.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.example.weather.api.ApiProperties;
import com.example.weather.api.web.DataVersion;
import com.example.weather.api.web.DataVersions;
import com.example.weather.api.web.HttpCaching;
import com.example.weather.api.web.Lists;
import com.example.weather.api.web.ResponseCache;
import com.example.weather.api.web.RowCounts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A {@link WebMvcTest} slice of one controller with the web layer it runs in: the problem documents
 * ({@code ApiProblems}), the unknown-parameter and CSV-export interceptors and the malformed-query filter
 * ({@code WebConfiguration}), and the caching beans every list goes through. What stands in for the database is
 * the test's own {@code @MockitoBean} repositories and a data version that never changes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(ParameterSlice.WebLayer.class)
public @interface ParameterSlice {

	/** The controller under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ApiProperties.class)
	@Import({ RowCounts.class, HttpCaching.class, ResponseCache.class, Lists.class })
	class WebLayer {

		/** DataVersions reads the job repository; here no load has completed, and that never changes. */
		@Bean
		DataVersions dataVersions() {
			DataVersions versions = mock(DataVersions.class);
			given(versions.lastLoad()).willReturn(DataVersion.NONE);
			given(versions.jobHistory()).willReturn(DataVersion.NONE);
			return versions;
		}

	}

}
