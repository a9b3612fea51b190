package org.leadrelay.referral.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Referral schema of the vendor's reference API, and a check that a JSON document
 * uses only its field names, with its nesting and JSON types.
 */
final class ReferenceSchema {

	private static final String REFERRAL = "Microsoft.Partner.Service.PartnerReferrals.Contracts.V3.Referral";

	private final JsonNode referral;

	private ReferenceSchema(JsonNode referral) {
		this.referral = referral;
	}

	static ReferenceSchema load() {
		try (InputStream in = ReferenceSchema.class
			.getResourceAsStream("/reference/partner-center-referrals.swagger.json")) {
			JsonNode swagger = JsonMapper.builder().build().readTree(in);
			return new ReferenceSchema(swagger.get("definitions").get(REFERRAL));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every field of {@code document} that the reference does not have, or has with
	 * another type.
	 */
	List<String> violations(JsonNode document) {
		List<String> violations = new ArrayList<>();
		check(this.referral, document, "", violations);
		return violations;
	}

	private static void check(JsonNode schema, JsonNode value, String path, List<String> violations) {
		String type = schema.path("type").asString("");
		if (value.isNull()) {
			violations.add(path + ": null (absent values must be omitted)");
			return;
		}
		switch (type) {
			case "object" -> {
				if (!value.isObject()) {
					violations.add(path + ": expected an object");
					return;
				}
				JsonNode properties = schema.path("properties");
				for (Map.Entry<String, JsonNode> field : value.properties()) {
					JsonNode property = properties.get(field.getKey());
					if (property == null) {
						violations.add(path + "/" + field.getKey() + ": not in the reference schema");
					}
					else {
						check(property, field.getValue(), path + "/" + field.getKey(), violations);
					}
				}
			}
			case "array" -> {
				if (!value.isArray()) {
					violations.add(path + ": expected an array");
					return;
				}
				JsonNode items = schema.path("items");
				for (int i = 0; i < value.size(); i++) {
					if (items.has("type")) {
						check(items, value.get(i), path + "/" + i, violations);
					}
				}
			}
			case "string" -> {
				if (!value.isString()) {
					violations.add(path + ": expected a string, got " + value.getNodeType());
				}
			}
			case "boolean" -> {
				if (!value.isBoolean()) {
					violations.add(path + ": expected a boolean, got " + value.getNodeType());
				}
			}
			case "number", "integer" -> {
				if (!value.isNumber()) {
					violations.add(path + ": expected a number, got " + value.getNodeType());
				}
			}
			default -> violations.add(path + ": the reference gives no type (" + type + ")");
		}
	}

}
