package org.leadrelay.platform.web;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tomcat runs eight request threads per core, after Boot has set its own default, and
 * leaves an operator's {@code server.tomcat.threads.max} alone.
 */
@IntegrationTest
class RequestThreadsIntegrationTests {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void theRunningServerHasEightThreadsPerCore() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();

		assertThat(maxThreads(server)).isEqualTo(8 * Runtime.getRuntime().availableProcessors());
	}

	@Test
	void aConfiguredNumberIsLeftAlone() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		factory.addConnectorCustomizers(
				connector -> ((AbstractProtocol<?>) connector.getProtocolHandler()).setMaxThreads(50));
		new RequestThreads(new MockEnvironment().withProperty(RequestThreads.PROPERTY, "50")).customize(factory);
		TomcatWebServer server = (TomcatWebServer) factory.getWebServer();
		try {
			server.start(); // until then, the connector is not in Tomcat's service
			assertThat(maxThreads(server)).isEqualTo(50);
		}
		finally {
			server.destroy();
		}
	}

	private static int maxThreads(TomcatWebServer server) {
		return ((AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler()).getMaxThreads();
	}

}
