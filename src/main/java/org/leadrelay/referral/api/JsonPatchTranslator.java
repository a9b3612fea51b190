package org.leadrelay.referral.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralChanges;
import org.leadrelay.referral.ReferralChanges.DealField;
import org.leadrelay.referral.SalesStage;
import org.leadrelay.referral.Status;
import org.leadrelay.referral.Substatus;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.DomainException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON Patch (RFC 6902) on a referral into {@link ReferralChanges}. Only
 * {@code replace} and {@code add} on the whitelisted paths are accepted, each with a
 * value of the right type; the first problem is reported with the path at fault and
 * nothing is applied.
 */
final class JsonPatchTranslator {

	private static final int MAX_OPERATIONS = 50;

	/** A member's contact preference is accepted and ignored, as on create. */
	private static final Set<String> MEMBER_FIELDS = Set.of("firstName", "lastName", "phoneNumber", "email",
			"contactPreference");

	private static final Map<String, DealField> DEAL_PATHS = Map.of("/name", DealField.NAME, "/details/notes",
			DealField.NOTES, "/details/dealValue", DealField.DEAL_VALUE, "/details/currency", DealField.CURRENCY,
			"/details/closingDateTime", DealField.CLOSING, "/externalReferenceId", DealField.EXTERNAL_REFERENCE_ID,
			"/campaignId", DealField.CAMPAIGN_ID);

	private static final List<String> PATHS = List.of("/name", "/status", "/substatus", "/statusReason",
			"/details/notes", "/details/dealValue", "/details/currency", "/details/closingDateTime",
			"/externalReferenceId", "/campaignId", "/favorite", "/team", "/team/-", "/customerProfile/team/-",
			"/salesStage", "/referralProgram", "/consent/consentToShareReferralWithMicrosoftSellers");

	private Status status;

	private Substatus substatus;

	private @Nullable String statusReason;

	private final Map<DealField, @Nullable Object> dealFields = new EnumMap<>(DealField.class);

	private @Nullable List<TeamMember> team;

	private final List<TeamMember> newTeamMembers = new ArrayList<>();

	private final List<TeamMember> newCustomerContacts = new ArrayList<>();

	private @Nullable Boolean favorite;

	/** Referrals API attributes to replace, under their API names. */
	private final Map<String, @Nullable Object> attributes = new LinkedHashMap<>();

	private JsonPatchTranslator() {
	}

	/**
	 * Reads and checks the whole patch at once; the changes it makes depend on the
	 * referral only where it replaces one attribute among others.
	 */
	static Function<Referral, ReferralChanges> translate(JsonNode patch) {
		if (!patch.isArray()) {
			throw DomainException.invalid("body",
					"The body must be a JSON Patch array such as [{\"op\": \"replace\", \"path\": \"/status\", \"value\": \"Active\"}]");
		}
		if (patch.isEmpty()) {
			throw DomainException.invalid("body", "The JSON Patch is empty");
		}
		if (patch.size() > MAX_OPERATIONS) {
			throw DomainException.invalid("body", "A JSON Patch takes at most " + MAX_OPERATIONS + " operations");
		}
		JsonPatchTranslator translator = new JsonPatchTranslator();
		for (JsonNode operation : patch) {
			translator.apply(operation);
		}
		Substatus target = targetSubstatus(translator.status, translator.substatus);
		return current -> translator.changes(target, current);
	}

	private void apply(JsonNode operation) {
		if (!operation.isObject()) {
			throw DomainException.invalid("body", "Each JSON Patch operation is an object with op, path and value");
		}
		for (Iterator<String> names = operation.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!Set.of("op", "path", "value").contains(name)) {
				throw DomainException.invalid(name, "Unknown field '" + name + "' in a JSON Patch operation");
			}
		}
		String op = text(operation.get("op"));
		String path = text(operation.get("path"));
		if (path == null || !PATHS.contains(path)) {
			throw DomainException.invalid(path == null ? "path" : target(path),
					"path " + (path == null ? "is required" : "'" + path + "' cannot be changed")
							+ "; changeable paths are " + String.join(", ", PATHS));
		}
		if (!"replace".equals(op) && !"add".equals(op)) {
			throw DomainException.invalid(target(path),
					"op must be replace or add (got " + (op == null ? "none" : "'" + op + "'") + ")");
		}
		if (!operation.has("value")) {
			throw DomainException.invalid(target(path), path + ": value is required");
		}
		JsonNode value = operation.get("value");
		DealField dealField = DEAL_PATHS.get(path);
		if (dealField != null) {
			this.dealFields.put(dealField, dealValue(path, dealField, value));
			return;
		}
		switch (path) {
			case "/status" -> this.status = ApiValues.enumValue(target(path), requiredText(path, value), Status.class);
			case "/substatus" ->
				this.substatus = ApiValues.enumValue(target(path), requiredText(path, value), Substatus.class);
			case "/statusReason" -> this.statusReason = optionalText(path, value);
			case "/favorite" -> {
				if (!value.isBoolean()) {
					throw DomainException.invalid(target(path), path + " must be true or false");
				}
				this.favorite = value.booleanValue();
			}
			case "/team" -> this.team = members(path, value);
			case "/team/-" -> this.newTeamMembers.add(member(path, value));
			case "/customerProfile/team/-" -> this.newCustomerContacts.add(member(path, value));
			case "/salesStage" -> this.attributes.put(target(path), value.isNull() ? null
					: ApiValues.enumValue(target(path), requiredText(path, value), SalesStage.class));
			case "/referralProgram" -> this.attributes.put(target(path), optionalText(path, value));
			case "/consent/consentToShareReferralWithMicrosoftSellers" -> {
				if (!value.isBoolean() && !value.isNull()) {
					throw DomainException.invalid(target(path), path + " must be true or false");
				}
				this.attributes.put(target(path), value.isNull() ? null : value.booleanValue());
			}
			default -> throw new IllegalStateException("Unhandled path " + path);
		}
	}

	private ReferralChanges changes(@Nullable Substatus target, Referral current) {
		return new ReferralChanges(target, this.statusReason, this.dealFields, this.team, this.newTeamMembers,
				this.newCustomerContacts, this.favorite,
				this.attributes.isEmpty() ? null : current.attributes().with(this.attributes));
	}

	/** The stage asked for, from substatus, status or both (which must agree). */
	static @Nullable Substatus targetSubstatus(@Nullable Status status, @Nullable Substatus substatus) {
		if (substatus != null) {
			if (status != null && substatus.status() != status) {
				throw DomainException.invalid("status", "status " + status + " does not go with substatus " + substatus
						+ " (that is " + substatus.status() + ")");
			}
			return substatus;
		}
		if (status == null) {
			return null;
		}
		return switch (status) {
			case New -> Substatus.Received;
			case Active -> Substatus.Accepted;
			case Closed -> throw DomainException.invalid("substatus",
					"To close a referral say how: substatus Won, Lost or Declined");
		};
	}

	private static @Nullable Object dealValue(String path, DealField field, JsonNode value) {
		if (value.isNull()) {
			return null;
		}
		if (field.type() == BigDecimal.class) {
			return ApiValues.decimal(target(path), value, path + " must be a number");
		}
		String text = requiredText(path, value);
		if (field == DealField.CLOSING) {
			return ApiValues.instant(target(path), text);
		}
		return text;
	}

	private static List<TeamMember> members(String path, JsonNode value) {
		if (!value.isArray()) {
			throw DomainException.invalid(target(path), path + " must be an array of members");
		}
		List<TeamMember> members = new ArrayList<>();
		int index = 0;
		for (JsonNode member : value) {
			members.add(member(path + "/" + index++, member));
		}
		return members;
	}

	private static TeamMember member(String path, JsonNode value) {
		if (!value.isObject()) {
			throw DomainException.invalid(target(path),
					path + " must be a member: {\"firstName\", \"lastName\", \"phoneNumber\", \"email\"}");
		}
		for (Iterator<String> names = value.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!MEMBER_FIELDS.contains(name)) {
				throw DomainException.invalid(target(path + "/" + name), "Unknown field '" + name + "' in a member");
			}
		}
		return TeamMember.of(target(path), optionalText(path + "/firstName", value.get("firstName")),
				optionalText(path + "/lastName", value.get("lastName")),
				optionalText(path + "/phoneNumber", value.get("phoneNumber")),
				optionalText(path + "/email", value.get("email")));
	}

	private static String requiredText(String path, @Nullable JsonNode value) {
		String text = optionalText(path, value);
		if (text == null) {
			throw DomainException.invalid(target(path), path + " must be a string");
		}
		return text;
	}

	private static @Nullable String optionalText(String path, @Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw DomainException.invalid(target(path), path + " must be a string");
		}
		return value.stringValue();
	}

	/** The API's name for a patch path: the JSON pointer without its leading slash. */
	private static String target(String path) {
		return path.startsWith("/") ? path.substring(1) : path;
	}

	private static @Nullable String text(@Nullable JsonNode value) {
		return value == null || !value.isString() ? null : value.stringValue();
	}

}
