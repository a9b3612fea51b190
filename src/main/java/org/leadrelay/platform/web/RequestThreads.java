package org.leadrelay.platform.web;

import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tomcat's request threads: four per core, unless {@value #PROPERTY} says otherwise. A
 * request here mostly computes (security, JSON, pages) and waits briefly for PostgreSQL,
 * so threads beyond a few per core only take turns on the cores, and every turn costs
 * caches and a context switch. On 2 cores, 8 threads instead of Tomcat's 200 served a GET
 * by id at 0.63–0.66 of a static file instead of 0.49–0.61, with p99 40–61 ms instead of
 * 59–81 ms at 32 connections (docs/performance.md).
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	static final String PROPERTY = "server.tomcat.threads.max";

	static final int PER_CORE = 4;

	private final Environment environment;

	RequestThreads(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (this.environment.containsProperty(PROPERTY)) {
			return; // Boot's own customizer has set it
		}
		int threads = PER_CORE * Runtime.getRuntime().availableProcessors();
		factory.addConnectorCustomizers(connector -> {
			if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
				protocol.setMaxThreads(threads);
			}
		});
	}

	/** After Boot's customizer, whose connector customizer sets Tomcat's default. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
