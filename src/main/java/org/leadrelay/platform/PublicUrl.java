package org.leadrelay.platform;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The address people and integrations reach LeadRelay at ({@code leadrelay.public-url}).
 * Every absolute link in mails, pages and API answers is built from it, never from a
 * request's Host or X-Forwarded-Host, which a client chooses. On the embedded database
 * (trying it out) it defaults to {@code http://localhost:<server.port>}; on an external
 * database, where LeadRelay serves real users, it must be set.
 */
@Component
public class PublicUrl implements ApplicationListener<WebServerInitializedEvent> {

	static final String PROPERTY = "leadrelay.public-url";

	private final boolean derived;

	private volatile String base;

	PublicUrl(@Value("${leadrelay.public-url:}") String configured,
			@Value("${spring.datasource.url:}") String externalDatabase, @Value("${server.port:8080}") int port) {
		if (!configured.isBlank()) {
			this.derived = false;
			this.base = parse(configured);
		}
		else if (!externalDatabase.isBlank()) {
			throw new MissingSetting(PROPERTY,
					"LeadRelay runs on an external database (spring.datasource.url), and its mails and pages "
							+ "must link to the address its users reach it at",
					"Set leadrelay.public-url (LEADRELAY_PUBLIC_URL) to that address, e.g. https://leads.example.com");
		}
		else {
			this.derived = true;
			this.base = "http://localhost:" + (port == 0 ? 8080 : port);
		}
	}

	/** The absolute URL of a path such as {@code /v1.0/engagements/referrals/42}. */
	public String of(String path) {
		return this.base + path;
	}

	/** With {@code server.port=0} the port is known only once the server listens. */
	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (this.derived && event.getApplicationContext().getServerNamespace() == null) {
			this.base = "http://localhost:" + event.getWebServer().getPort();
		}
	}

	private static String parse(String configured) {
		URI uri = URI.create(configured.strip());
		if (!uri.isAbsolute() || uri.getHost() == null) {
			throw new IllegalArgumentException(PROPERTY + " must be an absolute URL such as https://leads.example.com");
		}
		return uri.toString().replaceAll("/+$", "");
	}

}
