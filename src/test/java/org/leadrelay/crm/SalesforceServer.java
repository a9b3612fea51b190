package org.leadrelay.crm;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce's REST API v60.0 as the connector uses it, checked the way Salesforce checks
 * it: SOQL through {@code query} (known fields only, {@code MALFORMED_QUERY} otherwise,
 * results in batches with {@code nextRecordsUrl}), sObject create ({@code 201} with the
 * new id; required fields, restricted stage and currency picklists, lookups that exist),
 * read, update ({@code 204}), {@code NOT_FOUND}, {@code INVALID_SESSION_ID} for an
 * expired session, and the OAuth 2.0 client credentials flow, whose token carries no
 * expiry.
 */
final class SalesforceServer extends CrmServer {

	static final String API = "/services/data/v60.0/";

	private static final Pattern SOQL = Pattern
		.compile("SELECT (.+?) FROM (\\w+)(?: WHERE (.+?))?(?: ORDER BY (\\w+)(?: (ASC|DESC))?)?(?: LIMIT (\\d+))?");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
		.withZone(ZoneOffset.UTC);

	private static final Map<String, List<String>> FIELDS = Map.of("Account",
			List.of("Id", "Name", "BillingPostalCode", "BillingCity", "BillingCountry"), "Opportunity",
			List.of("Id", "Name", "Amount", "CurrencyIsoCode", "CloseDate", "StageName", "Description", "AccountId",
					"LeadRelay_Id__c", "IsClosed", "IsWon", "SystemModstamp"),
			"OpportunityStage", List.of("ApiName", "MasterLabel", "IsActive", "IsClosed", "IsWon"));

	private static final Set<String> READ_ONLY = Set.of("Id", "IsClosed", "IsWon", "SystemModstamp");

	/** Active stages: open, won or lost. */
	private static final Map<String, String> STAGES = Map.of("Prospecting", "open", "Qualification", "open",
			"Needs Analysis", "open", "Value Proposition", "open", "Proposal/Price Quote", "open", "Negotiation/Review",
			"open", "Closed Won", "won", "Closed Lost", "lost");

	private final Map<String, Map<String, Map<String, Object>>> objects = new LinkedHashMap<>();

	private final Map<String, List<Map<String, Object>>> cursors = new LinkedHashMap<>();

	private final Random random = new Random();

	private int batchSize = 2000;

	private SalesforceServer(String clientId, String clientSecret) throws IOException {
		super(clientId, clientSecret);
		this.objects.put("Account", new LinkedHashMap<>());
		this.objects.put("Opportunity", new LinkedHashMap<>());
		Map<String, Map<String, Object>> stages = new LinkedHashMap<>();
		STAGES.forEach((name, kind) -> stages.put(name, new LinkedHashMap<>(Map.of("ApiName", name, "MasterLabel", name,
				"IsActive", true, "IsClosed", !kind.equals("open"), "IsWon", kind.equals("won")))));
		this.objects.put("OpportunityStage", stages);
	}

	static SalesforceServer start(String clientId, String clientSecret) throws IOException {
		return new SalesforceServer(clientId, clientSecret);
	}

	String tokenUrl() {
		return baseUrl() + "/services/oauth2/token";
	}

	/** Query results come in batches of this many. */
	synchronized void batchSize(int records) {
		this.batchSize = records;
	}

	synchronized List<Map<String, Object>> opportunities() {
		return copies("Opportunity");
	}

	synchronized List<Map<String, Object>> accounts() {
		return copies("Account");
	}

	/** Someone changes the opportunity in Salesforce itself. */
	synchronized void changeInCrm(String opportunityId, Map<String, Object> values) {
		Map<String, Object> opportunity = this.objects.get("Opportunity").get(opportunityId);
		opportunity.putAll(values);
		touch(opportunity);
	}

	@Override
	String tokenPath() {
		return "/services/oauth2/token";
	}

	@Override
	Map<String, Object> tokenFields() {
		return Map.of("instance_url", baseUrl(), "id", baseUrl() + "/id/00Dxx0000001gPL/005xx000001X8Uz", "issued_at",
				String.valueOf(System.currentTimeMillis()), "signature", "d2VsbCBzaWduZWQ=", "scope", "api");
	}

	@Override
	Answer unauthorized() {
		return error(401, "INVALID_SESSION_ID", "Session expired or invalid");
	}

	@Override
	synchronized Answer route(Request request) {
		if (!request.path().startsWith(API)) {
			return error(404, "NOT_FOUND", "The requested resource does not exist");
		}
		if (!request.body().isEmpty()
				&& !String.valueOf(request.header("Content-Type")).startsWith("application/json")) {
			return error(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
		}
		String[] path = request.path().substring(API.length()).split("/");
		try {
			if (request.method().equals("GET") && path[0].equals("query")) {
				return path.length == 1 ? query(request.query().getOrDefault("q", "")) : more(path[1]);
			}
			if (path[0].equals("sobjects") && path.length >= 2 && FIELDS.containsKey(path[1])) {
				String object = path[1];
				if (path.length == 2 && request.method().equals("POST")) {
					return create(object, request.json());
				}
				if (path.length == 3 && request.method().equals("GET")) {
					return read(object, path[2], request.query().get("fields"));
				}
				if (path.length == 3 && request.method().equals("PATCH")) {
					return update(object, path[2], request.json());
				}
			}
			return error(404, "NOT_FOUND", "The requested resource does not exist");
		}
		catch (Refusal refusal) {
			return error(400, refusal.code, refusal.getMessage());
		}
	}

	private Answer query(String soql) {
		Matcher parsed = SOQL.matcher(soql);
		if (!parsed.matches() || !FIELDS.containsKey(parsed.group(2))) {
			throw new Refusal("MALFORMED_QUERY", "unexpected token in: " + soql);
		}
		String object = parsed.group(2);
		List<String> fields = FIELDS.get(object);
		List<String> select = List.of(parsed.group(1).split(",\\s*"));
		for (String field : select) {
			known(object, field);
		}
		Predicate<Map<String, Object>> where = record -> true;
		if (parsed.group(3) != null) {
			try {
				where = ODataFilter.parse(parsed.group(3), ODataFilter.Dialect.SOQL, fields);
			}
			catch (IllegalArgumentException ex) {
				throw new Refusal(ex.getMessage().startsWith("unknown field") ? "INVALID_FIELD" : "MALFORMED_QUERY",
						ex.getMessage() + " on entity '" + object + "'");
			}
		}
		List<Map<String, Object>> records = new ArrayList<>(
				this.objects.get(object).values().stream().filter(where).toList());
		if (parsed.group(4) != null) {
			String order = known(object, parsed.group(4));
			Comparator<Map<String, Object>> comparator = Comparator.comparing(record -> (Comparable) record.get(order),
					Comparator.nullsFirst(Comparator.naturalOrder()));
			records.sort("DESC".equals(parsed.group(5)) ? comparator.reversed() : comparator);
		}
		if (parsed.group(6) != null) {
			records = records.subList(0, Math.min(records.size(), Integer.parseInt(parsed.group(6))));
		}
		List<Map<String, Object>> answered = records.stream().map(record -> selected(object, record, select)).toList();
		return batch(answered, answered.size());
	}

	private Answer more(String cursor) {
		List<Map<String, Object>> rest = this.cursors.remove(cursor);
		if (rest == null) {
			throw new Refusal("INVALID_QUERY_LOCATOR", "invalid query locator");
		}
		return batch(rest, rest.size());
	}

	private Answer batch(List<Map<String, Object>> records, int totalSize) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("totalSize", totalSize);
		boolean done = records.size() <= this.batchSize;
		answer.put("done", done);
		if (!done) {
			String cursor = "01gD0000002HU6KIAW-" + this.cursors.size();
			this.cursors.put(cursor, new ArrayList<>(records.subList(this.batchSize, records.size())));
			answer.put("nextRecordsUrl", API + "query/" + cursor);
		}
		answer.put("records", done ? records : records.subList(0, this.batchSize));
		return Answer.json(200, answer);
	}

	private Answer create(String object, JsonNode body) {
		String id = (object.equals("Account") ? "001" : "006") + randomId();
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("Id", id);
		write(object, body, record);
		List<String> missing = (object.equals("Account") ? List.of("Name") : List.of("Name", "StageName", "CloseDate"))
			.stream()
			.filter(field -> record.get(field) == null)
			.toList();
		if (!missing.isEmpty()) {
			throw new Refusal("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing);
		}
		touch(record);
		this.objects.get(object).put(id, record);
		return Answer.json(201, Map.of("id", id, "success", true, "errors", List.of()));
	}

	private Answer read(String object, String id, @Nullable String fields) {
		Map<String, Object> record = this.objects.get(object).get(id);
		if (record == null) {
			return error(404, "NOT_FOUND", "The requested resource does not exist");
		}
		List<String> select = fields == null ? FIELDS.get(object) : List.of(fields.split(","));
		select.forEach(field -> known(object, field));
		return Answer.json(200, selected(object, record, select));
	}

	private Answer update(String object, String id, JsonNode body) {
		Map<String, Object> record = this.objects.get(object).get(id);
		if (record == null) {
			return error(404, "NOT_FOUND", "The requested resource does not exist");
		}
		write(object, body, record);
		touch(record);
		return Answer.empty(204, Map.of());
	}

	private void write(String object, JsonNode body, Map<String, Object> record) {
		for (Map.Entry<String, JsonNode> property : body.properties()) {
			String field = property.getKey();
			JsonNode value = property.getValue();
			known(object, field);
			if (READ_ONLY.contains(field)) {
				throw new Refusal("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + field
						+ ". Please check the security settings of this field.");
			}
			switch (field) {
				case "Amount" -> {
					if (!value.isNumber()) {
						throw new Refusal("JSON_PARSER_ERROR", "Cannot deserialize instance of currency from " + value);
					}
					record.put(field, value.decimalValue());
				}
				case "CloseDate" -> {
					try {
						record.put(field, LocalDate.parse(value.asString()).toString());
					}
					catch (DateTimeParseException ex) {
						throw new Refusal("JSON_PARSER_ERROR", "Cannot deserialize instance of date from " + value);
					}
				}
				case "StageName" -> {
					if (!STAGES.containsKey(value.asString())) {
						throw new Refusal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
								"Stage: bad value for restricted picklist field: " + value.asString());
					}
					record.put(field, value.asString());
					record.put("IsClosed", !STAGES.get(value.asString()).equals("open"));
					record.put("IsWon", STAGES.get(value.asString()).equals("won"));
				}
				case "CurrencyIsoCode" -> {
					if (!List.of("EUR", "USD", "HUF").contains(value.asString())) {
						throw new Refusal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
								"Opportunity Currency: bad value for restricted picklist field: " + value.asString());
					}
					record.put(field, value.asString());
				}
				case "AccountId" -> {
					if (!this.objects.get("Account").containsKey(value.asString())) {
						throw new Refusal("INVALID_CROSS_REFERENCE_KEY",
								"Account ID: id value of incorrect type: " + value.asString());
					}
					record.put(field, value.asString());
				}
				default -> record.put(field, value.isNull() ? null : value.asString());
			}
		}
	}

	private static String known(String object, String field) {
		if (!FIELDS.get(object).contains(field)) {
			throw new Refusal("INVALID_FIELD", "No such column '" + field + "' on entity '" + object
					+ "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.");
		}
		return field;
	}

	private static Map<String, Object> selected(String object, Map<String, Object> record, List<String> select) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("attributes", Map.of("type", object, "url", API + "sobjects/" + object + "/" + record.get("Id")));
		for (String field : select) {
			Object value = record.get(field);
			answer.put(field, value instanceof Instant instant ? TIMESTAMP.format(instant) : value);
		}
		return answer;
	}

	private static void touch(Map<String, Object> record) {
		record.put("SystemModstamp", Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	private String randomId() {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 15; i++) {
			id.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return id.toString();
	}

	private List<Map<String, Object>> copies(String object) {
		return this.objects.get(object)
			.values()
			.stream()
			.map(record -> (Map<String, Object>) new LinkedHashMap<>(record))
			.toList();
	}

	private static Answer error(int status, String code, String message) {
		return Answer.json(status, List.of(Map.of("message", message, "errorCode", code)));
	}

	/** Salesforce refuses the request, with one of its error codes. */
	private static final class Refusal extends RuntimeException {

		private final String code;

		Refusal(String code, String message) {
			super(message);
			this.code = code;
		}

	}

}
