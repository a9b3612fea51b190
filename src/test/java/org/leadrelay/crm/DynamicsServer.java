package org.leadrelay.crm;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Dynamics 365's Web API v9.2 as the connector uses it, checked the way Dataverse checks
 * it: OData headers, JSON bodies, known attributes only ({@code $select},
 * {@code $filter}, bodies), required {@code name}, lookups bound to records that exist,
 * {@code If-Match: *} updates, the Win/LoseOpportunity actions with valid status codes,
 * the id of a new record in {@code OData-EntityId}, paging with
 * {@code odata.maxpagesize}, and the Microsoft identity platform's token endpoint, which
 * requires the environment's {@code /.default} scope.
 */
final class DynamicsServer extends CrmServer {

	static final String API = "/api/data/v9.2/";

	static final String TOKEN_PATH = "/0b7f9a2c-tenant/oauth2/v2.0/token";

	private static final Pattern ENTITY = Pattern.compile("(\\w+)(?:\\(([^)]*)\\))?");

	private static final Pattern BIND = Pattern.compile("/(\\w+)\\(([0-9a-f-]{36})\\)");

	private static final List<String> ACCOUNT = List.of("accountid", "name", "address1_postalcode", "address1_city",
			"address1_country");

	private static final List<String> OPPORTUNITY = List.of("opportunityid", "name", "estimatedvalue",
			"estimatedclosedate", "description", "new_leadrelayid", "salesstage", "statecode", "statuscode",
			"modifiedon", "_customerid_value", "_transactioncurrencyid_value");

	private static final List<String> CURRENCY = List.of("transactioncurrencyid", "isocurrencycode");

	private final Map<String, Map<String, Map<String, Object>>> tables = new LinkedHashMap<>();

	private DynamicsServer(String clientId, String clientSecret) throws IOException {
		super(clientId, clientSecret);
		this.tables.put("accounts", new LinkedHashMap<>());
		this.tables.put("opportunities", new LinkedHashMap<>());
		this.tables.put("transactioncurrencies", new LinkedHashMap<>());
		for (String code : List.of("EUR", "USD", "HUF")) {
			String id = UUID.randomUUID().toString();
			this.tables.get("transactioncurrencies")
				.put(id, new LinkedHashMap<>(Map.of("transactioncurrencyid", id, "isocurrencycode", code)));
		}
	}

	static DynamicsServer start(String clientId, String clientSecret) throws IOException {
		return new DynamicsServer(clientId, clientSecret);
	}

	String tokenUrl() {
		return baseUrl() + TOKEN_PATH;
	}

	synchronized List<Map<String, Object>> opportunities() {
		return copies("opportunities");
	}

	synchronized List<Map<String, Object>> accounts() {
		return copies("accounts");
	}

	synchronized String currencyCodeOf(String currencyId) {
		return (String) this.tables.get("transactioncurrencies").get(currencyId).get("isocurrencycode");
	}

	/** Someone changes the opportunity in Dynamics 365 itself. */
	synchronized void changeInCrm(String opportunityId, Map<String, Object> values) {
		Map<String, Object> opportunity = this.tables.get("opportunities").get(opportunityId);
		opportunity.putAll(values);
		opportunity.put("modifiedon", now());
	}

	@Override
	String tokenPath() {
		return TOKEN_PATH;
	}

	@Override
	Map<String, Object> tokenFields() {
		return Map.of("expires_in", 3599, "ext_expires_in", 3599);
	}

	@Override
	@Nullable String tokenRequestError(Map<String, String> form) {
		String wanted = baseUrl() + "/.default";
		return wanted.equals(form.get("scope")) ? null
				: "AADSTS70011: The provided value for the input parameter 'scope' is not valid: expected " + wanted;
	}

	@Override
	Answer unauthorized() {
		return new Answer(401, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), "");
	}

	@Override
	synchronized Answer route(Request request) {
		if (!request.path().startsWith(API)) {
			return error(404, "0x80060888", "Resource not found for the segment '" + request.path() + "'.");
		}
		if (!"4.0".equals(request.header("OData-Version")) || !"4.0".equals(request.header("OData-MaxVersion"))
				|| !String.valueOf(request.header("Accept")).contains("application/json")) {
			return error(400, "0x80048d19",
					"Send OData-Version: 4.0, OData-MaxVersion: 4.0 and Accept: application/json");
		}
		if (!request.body().isEmpty()
				&& !String.valueOf(request.header("Content-Type")).startsWith("application/json")) {
			return error(415, "0x80048d19", "Content-Type must be application/json");
		}
		Matcher segment = ENTITY.matcher(request.path().substring(API.length()));
		if (!segment.matches()) {
			return error(404, "0x80060888", "Resource not found for the segment '" + request.path() + "'.");
		}
		String set = segment.group(1);
		String key = segment.group(2);
		try {
			return switch (request.method() + " " + set) {
				case "POST WinOpportunity" -> close(request, 1, List.of(3));
				case "POST LoseOpportunity" -> close(request, 2, List.of(4, 5));
				case "GET accounts", "GET opportunities", "GET transactioncurrencies" ->
					key == null ? query(set, request) : retrieve(set, key, request);
				case "POST accounts" -> create("accounts", ACCOUNT, request.json(), "name");
				case "POST opportunities" -> create("opportunities", OPPORTUNITY, request.json(), "name");
				case "PATCH opportunities" -> update(key, request);
				default -> error(405, "0x80060888", request.method() + " is not supported on " + set);
			};
		}
		catch (IllegalArgumentException ex) {
			return error(400, "0x80060888", ex.getMessage());
		}
	}

	private Answer query(String set, Request request) {
		List<String> fields = fields(set);
		List<String> select = select(request, set);
		Predicate<Map<String, Object>> filter = record -> true;
		String text = request.query().get("$filter");
		if (text != null) {
			try {
				filter = ODataFilter.parse(text, ODataFilter.Dialect.ODATA, fields);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Could not parse $filter '" + text + "': " + ex.getMessage()
						+ " on type 'Microsoft.Dynamics.CRM." + singular(set) + "'.");
			}
		}
		List<Map<String, Object>> matches = new ArrayList<>(
				this.tables.get(set).values().stream().filter(filter).toList());
		String orderBy = request.query().get("$orderby");
		if (orderBy != null) {
			if (!orderBy.equals("modifiedon asc")) {
				throw new IllegalArgumentException("Unsupported $orderby '" + orderBy + "'");
			}
			matches.sort(Comparator.comparing(record -> Instant.parse((String) record.get("modifiedon"))));
		}
		if (request.query().containsKey("$top")) {
			matches = matches.subList(0, Math.min(matches.size(), Integer.parseInt(request.query().get("$top"))));
		}
		int skip = Integer.parseInt(request.query().getOrDefault("$skiptoken", "0"));
		int pageSize = pageSize(request);
		List<Map<String, Object>> page = matches.subList(Math.min(skip, matches.size()),
				Math.min(skip + pageSize, matches.size()));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("@odata.context", baseUrl() + API + "$metadata#" + set);
		answer.put("value", page.stream().map(record -> selected(record, select)).toList());
		if (skip + pageSize < matches.size()) {
			String rawQuery = request.rawQuery().replaceAll("&?\\$skiptoken=\\d+", "");
			answer.put("@odata.nextLink",
					baseUrl() + request.path() + "?" + rawQuery + "&$skiptoken=" + (skip + pageSize));
		}
		return Answer.json(200, answer);
	}

	private Answer retrieve(String set, String key, Request request) {
		Map<String, Object> record = this.tables.get(set).get(guid(key));
		if (record == null) {
			return error(404, "0x80040217", singular(set) + " With Id = " + key + " Does Not Exist");
		}
		return Answer.json(200, selected(record, select(request, set)));
	}

	private Answer create(String set, List<String> fields, JsonNode body, String required) {
		String id = UUID.randomUUID().toString();
		Map<String, Object> record = new LinkedHashMap<>();
		record.put(fields.get(0), id);
		if (set.equals("opportunities")) {
			record.put("statecode", 0);
			record.put("statuscode", 1);
		}
		apply(set, fields, body, record);
		if (record.get(required) == null) {
			return error(400, "0x80040200", "Attribute '" + required + "' cannot be NULL");
		}
		record.put("modifiedon", now());
		this.tables.get(set).put(id, record);
		return Answer.empty(204, Map.of("OData-EntityId", baseUrl() + API + set + "(" + id + ")"));
	}

	private Answer update(@Nullable String key, Request request) {
		Map<String, Object> record = key == null ? null : this.tables.get("opportunities").get(guid(key));
		if (record == null) {
			if (!"*".equals(request.header("If-Match"))) {
				throw new IllegalArgumentException("This test server does not upsert; send If-Match: *");
			}
			return error(404, "0x80040217", "opportunity With Id = " + key + " Does Not Exist");
		}
		if (!record.get("statecode").equals(0)) {
			return error(400, "0x80040228", "The opportunity is closed: it cannot be edited");
		}
		apply("opportunities", OPPORTUNITY, request.json(), record);
		record.put("modifiedon", now());
		return Answer.empty(204, Map.of());
	}

	private Answer close(Request request, int state, List<Integer> statuses) {
		JsonNode body = request.json();
		JsonNode status = body.path("Status");
		JsonNode close = body.path("OpportunityClose");
		if (!status.isInt() || !statuses.contains(status.asInt())) {
			return error(400, "0x80040203", "Status must be one of " + statuses + " for this action");
		}
		Matcher bind = BIND.matcher(close.path("opportunityid@odata.bind").asString(""));
		if (!close.isObject() || !bind.matches() || !bind.group(1).equals("opportunities")) {
			return error(400, "0x80040203",
					"OpportunityClose must bind opportunityid@odata.bind to /opportunities(id)");
		}
		Map<String, Object> opportunity = this.tables.get("opportunities").get(bind.group(2));
		if (opportunity == null) {
			return error(404, "0x80040217", "opportunity With Id = " + bind.group(2) + " Does Not Exist");
		}
		if (!opportunity.get("statecode").equals(0)) {
			return error(400, "0x80040228", "The opportunity is already closed");
		}
		opportunity.put("statecode", state);
		opportunity.put("statuscode", status.asInt());
		opportunity.put("modifiedon", now());
		return Answer.empty(204, Map.of());
	}

	/**
	 * Copies a body's attributes into a record, refusing any the entity does not have.
	 */
	private void apply(String set, List<String> fields, JsonNode body, Map<String, Object> record) {
		for (Map.Entry<String, JsonNode> property : body.properties()) {
			String name = property.getKey();
			JsonNode value = property.getValue();
			if (name.endsWith("@odata.bind")) {
				bind(set, name.substring(0, name.indexOf('@')), value.asString(""), record);
			}
			else if (!fields.contains(name) || name.startsWith("_") || name.equals(fields.get(0))
					|| name.equals("modifiedon") || name.startsWith("state") || name.startsWith("status")) {
				throw new IllegalArgumentException(
						"The property '" + name + "' does not exist on type 'Microsoft.Dynamics.CRM." + singular(set)
								+ "'. Make sure to only use property names that are defined by the type.");
			}
			else if (name.equals("estimatedvalue")) {
				if (!value.isNumber()) {
					throw new IllegalArgumentException("estimatedvalue must be a number (Edm.Decimal)");
				}
				record.put(name, value.decimalValue());
			}
			else if (name.equals("estimatedclosedate")) {
				try {
					record.put(name, LocalDate.parse(value.asString()).toString());
				}
				catch (DateTimeParseException ex) {
					throw new IllegalArgumentException("estimatedclosedate must be an Edm.Date such as 2027-04-30");
				}
			}
			else if (name.equals("salesstage")) {
				// a choice column: 0 Qualify, 1 Develop, 2 Propose, 3 Close
				if (!value.isInt() || value.asInt() < 0 || value.asInt() > 3) {
					throw new IllegalArgumentException("salesstage must be one of the choices 0, 1, 2, 3 (Edm.Int32)");
				}
				record.put(name, value.asInt());
			}
			else if (!value.isString() && !value.isNull()) {
				throw new IllegalArgumentException(name + " must be a string (Edm.String)");
			}
			else {
				record.put(name, value.isNull() ? null : value.asString());
			}
		}
	}

	private void bind(String set, String navigation, String reference, Map<String, Object> record) {
		Matcher bind = BIND.matcher(reference);
		String table = switch (set + "." + navigation) {
			case "opportunities.customerid_account" -> "accounts";
			case "opportunities.transactioncurrencyid" -> "transactioncurrencies";
			default ->
				throw new IllegalArgumentException("No navigation property '" + navigation + "' on " + singular(set));
		};
		if (!bind.matches() || !bind.group(1).equals(table) || !this.tables.get(table).containsKey(bind.group(2))) {
			throw new IllegalArgumentException(
					"Entity bound by " + navigation + "@odata.bind (" + reference + ") Does Not Exist");
		}
		record.put(navigation.equals("customerid_account") ? "_customerid_value" : "_transactioncurrencyid_value",
				bind.group(2));
	}

	private List<String> select(Request request, String set) {
		String select = request.query().get("$select");
		List<String> fields = fields(set);
		if (select == null) {
			return fields;
		}
		List<String> selected = List.of(select.split(","));
		for (String field : selected) {
			if (!fields.contains(field)) {
				throw new IllegalArgumentException("Could not find a property named '" + field
						+ "' on type 'Microsoft.Dynamics.CRM." + singular(set) + "'.");
			}
		}
		return selected;
	}

	private static Map<String, Object> selected(Map<String, Object> record, List<String> select) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("@odata.etag", "W/\"" + Math.abs(record.hashCode()) + "\"");
		for (String field : select) {
			answer.put(field, record.get(field));
		}
		return answer;
	}

	private static List<String> fields(String set) {
		return switch (set) {
			case "accounts" -> ACCOUNT;
			case "opportunities" -> OPPORTUNITY;
			default -> CURRENCY;
		};
	}

	private static int pageSize(Request request) {
		String prefer = request.header("Prefer");
		Matcher size = Pattern.compile("odata.maxpagesize=(\\d+)").matcher(prefer == null ? "" : prefer);
		return size.find() ? Integer.parseInt(size.group(1)) : 5000;
	}

	private static String guid(String key) {
		try {
			return UUID.fromString(key).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unrecognized 'Edm.Guid' literal '" + key + "'");
		}
	}

	private static String singular(String set) {
		return set.equals("opportunities") ? "opportunity" : set.replaceAll("s$", "");
	}

	private List<Map<String, Object>> copies(String set) {
		return this.tables.get(set)
			.values()
			.stream()
			.map(record -> (Map<String, Object>) new LinkedHashMap<>(record))
			.toList();
	}

	/** Dataverse keeps whole seconds. */
	private static String now() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
	}

	private static Answer error(int status, String code, String message) {
		return Answer.json(status, Map.of("error", Map.of("code", code, "message", message)));
	}

}
