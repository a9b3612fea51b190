package org.leadrelay.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests go to the API: the REST API and the Referrals API-style webhook
 * registration beside it. They answer JSON and never render a page.
 */
public final class ApiPaths {

	private static final List<String> PREFIXES = List.of("/v1.0/", "/webhooks/v1/");

	private ApiPaths() {
	}

	public static boolean isApi(HttpServletRequest request) {
		String uri = request.getRequestURI();
		for (String prefix : PREFIXES) {
			if (uri.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
