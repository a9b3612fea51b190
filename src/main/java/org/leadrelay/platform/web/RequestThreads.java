package org.leadrelay.platform.web;

import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tomcat's request threads: eight per core, unless {@value #PROPERTY} says otherwise. A
 * read mostly computes (security, JSON) and waits briefly for PostgreSQL; a write waits
 * longer, for its commit, hence more threads than cores. Tomcat's idle threads take
 * requests in turn, so a pool much larger than that spreads them over threads whose
 * caches have gone cold. On 2 cores, with 32 connections: 16 threads served a GET by id
 * at 0.69 of a static file and the list page at p95 12.3 ms (8 connections), where 32
 * threads (as many as Tomcat's default of 200 starts for 32 connections) gave 0.44 and
 * 15.9 ms (docs/performance.md; both ratios against a static file measured before the
 * harness warmed the node up, so comparable with each other only).
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	static final String PROPERTY = "server.tomcat.threads.max";

	static final int PER_CORE = 8;

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
