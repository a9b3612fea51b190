package org.leadrelay.platform;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people and integrations reach LeadRelay at ({@code leadrelay.public-url}).
 * Mails and webhook payloads are built outside any request, so their links cannot come
 * from a request's host.
 */
@Component
public class PublicUrl {

	private final String base;

	PublicUrl(@Value("${leadrelay.public-url:http://localhost:8080}") String base) {
		URI uri = URI.create(base.strip());
		if (!uri.isAbsolute() || uri.getHost() == null) {
			throw new IllegalArgumentException(
					"leadrelay.public-url must be an absolute URL such as https://leads.example.com");
		}
		this.base = uri.toString().replaceAll("/+$", "");
	}

	/** The absolute URL of a path such as {@code /v1.0/engagements/referrals/42}. */
	public String of(String path) {
		return this.base + path;
	}

}
