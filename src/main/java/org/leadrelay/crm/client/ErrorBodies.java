package org.leadrelay.crm.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what went wrong from an error answer, whichever shape it has: OAuth 2.0
 * ({@code {"error", "error_description"}}), OData ({@code {"error": {"code",
 * "message"}}}) or Salesforce ({@code [{"errorCode", "message"}]}).
 */
final class ErrorBodies {

	private static final int MAX_LENGTH = 400;

	private ErrorBodies() {
	}

	static String describe(JsonMapper json, String body) {
		String text;
		try {
			text = describe(json.readTree(body));
		}
		catch (JacksonException ex) {
			text = body.strip();
		}
		if (text.isEmpty()) {
			return "(no details)";
		}
		return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
	}

	private static String describe(JsonNode body) {
		JsonNode error = body.path("error");
		if (error.isObject()) {
			return joined(error.path("code").asString(""), error.path("message").asString(""));
		}
		if (error.isString()) {
			return joined(error.asString(), body.path("error_description").asString(""));
		}
		if (body.isArray() && !body.isEmpty()) {
			JsonNode first = body.get(0);
			return joined(first.path("errorCode").asString(""), first.path("message").asString(""));
		}
		return body.toString();
	}

	private static String joined(String code, String message) {
		if (code.isEmpty()) {
			return message;
		}
		return message.isEmpty() ? code : code + ": " + message;
	}

}
