package org.leadrelay.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server (GreenMail) on a fixed free port, configured as
 * {@code spring.mail.host} and {@code spring.mail.port} so the application's own mail
 * set-up uses it. The port survives a stop and start, for tests of an SMTP server that
 * goes away. Imported by {@link MailIntegrationTest}, never scanned (see
 * {@link TestClockConfiguration}).
 */
class SmtpServerConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail smtpServer() {
		return new GreenMail(new ServerSetup(FreePorts.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	@Bean
	DynamicPropertyRegistrar smtpProperties(GreenMail smtpServer) {
		return registry -> registry.add("spring.mail.port", () -> smtpServer.getSmtp().getPort());
	}

}
