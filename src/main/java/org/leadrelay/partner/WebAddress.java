package org.leadrelay.partner;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

/**
 * Checks the links a profile shows: absolute http(s) URLs, so that a profile can never
 * link a {@code javascript:} or {@code data:} URL.
 */
final class WebAddress {

	private static final int MAX_LENGTH = 500;

	private WebAddress() {
	}

	static @Nullable String optional(String target, @Nullable String value) {
		String text = Text.optional(target, value, MAX_LENGTH);
		if (text == null) {
			return null;
		}
		if (hostOf(text) == null) {
			throw DomainException.invalid(target,
					target + " must be a web address starting with https:// or http:// (got '" + text + "')");
		}
		return text;
	}

	/** A LinkedIn page: on linkedin.com or one of its subdomains. */
	static @Nullable String linkedIn(String target, @Nullable String value) {
		String text = optional(target, value);
		if (text == null) {
			return null;
		}
		String host = hostOf(text);
		if (host == null || !(host.equals("linkedin.com") || host.endsWith(".linkedin.com"))) {
			throw DomainException.invalid(target,
					target + " must be a page on linkedin.com, such as https://www.linkedin.com/company/contoso");
		}
		return text;
	}

	private static @Nullable String hostOf(String text) {
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
					|| uri.getRawUserInfo() != null) {
				return null;
			}
			return uri.getHost().toLowerCase(Locale.ROOT);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
