package com.example.weather.api.server;

import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers what it refuses itself with a problem document ({@link ProblemErrorReportValve}) instead of its
 * HTML error page, and lends a request thread to each running CSV export ({@link RequestThreads}).
 */
@Configuration(proxyBeanMethods = false)
public class TomcatConfiguration {

	@Bean
	RequestThreads requestThreads(TomcatServerProperties tomcat) {
		return new RequestThreads(tomcat.getThreads().getMax());
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> exportThreads(RequestThreads threads) {
		return (factory) -> factory.addConnectorCustomizers(threads::serve);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ServerProperties server) {
		long maxHeaderBytes = server.getMaxHttpRequestHeaderSize().toBytes();
		return (factory) -> factory.addContextCustomizers((context) -> {
			Host host = (Host) context.getParent();
			if (host instanceof StandardHost standardHost) {
				// the host adds a valve of this class only if its pipeline has none yet: ours then replaces it
				standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				standardHost.getPipeline().addValve(new ProblemErrorReportValve(maxHeaderBytes));
			}
		});
	}

}
