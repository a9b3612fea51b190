package org.leadrelay.crm.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.ConnectionTest;
import org.leadrelay.crm.ConnectionTest.Proof;
import org.leadrelay.crm.FieldMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.leadrelay.crm.client.CrmHttp.query;

/**
 * Salesforce REST API v60.0: the {@code Account} and {@code Opportunity} sObjects, SOQL
 * through the {@code query} resource, and {@code SystemModstamp} for changes. An
 * opportunity is opened and closed through its {@code StageName}.
 */
final class SalesforceClient implements CrmClient {

	private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

	/** SystemModstamp as Salesforce writes it: {@code 2026-05-04T09:30:12.000+0000}. */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX");

	private static final Map<String, String> NO_HEADERS = Map.of();

	private final CrmHttp http;

	private final JsonMapper json;

	private final FieldMapping mapping;

	private final String instanceUrl;

	private final String api;

	SalesforceClient(ConnectionSettings settings, CrmHttp http, JsonMapper json) {
		this.http = http;
		this.json = json;
		this.mapping = settings.mapping();
		this.instanceUrl = settings.instanceUrl();
		this.api = settings.instanceUrl() + "/services/data/v60.0/";
	}

	@Override
	public boolean isRecordId(String text) {
		return ID.matcher(text).matches();
	}

	@Override
	public Optional<String> findOpportunity(String reference) {
		return first(soql("SELECT Id FROM Opportunity WHERE " + this.mapping.reference() + " = " + literal(reference)
				+ " LIMIT 1"))
			.map(opportunity -> opportunity.path("Id").asString());
	}

	@Override
	public Optional<CrmOpportunity> readOpportunity(String id) {
		try {
			return Optional.of(opportunity(this.http
				.getJson(this.api + "sobjects/Opportunity/" + id + query("fields", selectedFields()), NO_HEADERS)));
		}
		catch (CrmCallException ex) {
			if (ex.notFound()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	@Override
	public String createOpportunity(OpportunityState state, Account account) {
		String accountId = findAccount(account).orElseGet(() -> createAccount(account));
		ObjectNode body = fields(state, EnumSet.complementOf(EnumSet.of(OpportunityField.STAGE)));
		if (!body.has("StageName")) {
			// a lead opens at the open stage; a deal at the stage it is at (SALES_STAGE)
			body.put("StageName", this.mapping.openStage());
		}
		body.put("AccountId", accountId);
		return createdId(this.http.send("POST", this.api + "sobjects/Opportunity", body, NO_HEADERS));
	}

	@Override
	public void updateOpportunity(String id, OpportunityState state, Set<OpportunityField> fields) {
		ObjectNode body = fields(state, fields);
		if (!body.isEmpty()) {
			this.http.send("PATCH", this.api + "sobjects/Opportunity/" + id, body, NO_HEADERS);
		}
	}

	@Override
	public void closeOpportunity(String id, Stage stage) {
		ObjectNode body = this.json.createObjectNode();
		body.put("StageName", stage == Stage.WON ? this.mapping.wonStage() : this.mapping.lostStage());
		this.http.send("PATCH", this.api + "sobjects/Opportunity/" + id, body, NO_HEADERS);
	}

	@Override
	public List<CrmOpportunity> changedSince(@Nullable Instant since, int max) {
		List<CrmOpportunity> changed = new ArrayList<>();
		String after = since == null ? "" : "SystemModstamp >= " + since.truncatedTo(ChronoUnit.SECONDS) + " AND ";
		JsonNode page = soql("SELECT " + selectedFields() + " FROM Opportunity WHERE " + after
				+ this.mapping.reference() + " != null ORDER BY SystemModstamp ASC LIMIT " + max);
		while (true) {
			for (JsonNode opportunity : page.path("records")) {
				changed.add(opportunity(opportunity));
			}
			String next = page.path("nextRecordsUrl").asString("");
			if (page.path("done").asBoolean(true) || next.isEmpty() || changed.size() >= max) {
				return changed;
			}
			if (!next.startsWith("/services/data/")) {
				throw CrmCallException.permanent("Salesforce sent a next page link outside its REST API: " + next);
			}
			page = this.http.getJson(this.instanceUrl + next, NO_HEADERS);
		}
	}

	@Override
	public ConnectionTest test() {
		return new StepwiseTest().step("signIn", this.http::signInAgain).step("accounts", () -> {
			soql("SELECT Id FROM Account LIMIT 1");
			return Proof.of("Read accounts", "crm.test.detail.accounts");
		}).step("opportunities", () -> {
			soql("SELECT " + selectedFields() + " FROM Opportunity WHERE " + this.mapping.reference() + " = "
					+ literal("00000000-0000-0000-0000-000000000000") + " LIMIT 1");
			return Proof.of("Read opportunities with the mapped fields " + selectedFields(),
					"crm.test.detail.opportunities", selectedFields());
		}).step("stages", this::checkStages).result();
	}

	/** The mapped stages exist, are active, and open, win and lose as they should. */
	private Proof checkStages() {
		Map<String, Stage> stages = new LinkedHashMap<>();
		for (JsonNode stage : soql("SELECT ApiName, IsClosed, IsWon FROM OpportunityStage WHERE IsActive = true")
			.path("records")) {
			stages.put(stage.path("ApiName").asString(), stage.path("IsWon").asBoolean() ? Stage.WON
					: stage.path("IsClosed").asBoolean() ? Stage.LOST : Stage.OPEN);
		}
		Map<String, Stage> mapped = new LinkedHashMap<>();
		mapped.put(this.mapping.openStage(), Stage.OPEN);
		mapped.put(this.mapping.wonStage(), Stage.WON);
		mapped.put(this.mapping.lostStage(), Stage.LOST);
		// last: a deal's open stage mapped to a closing stage by mistake must fail
		this.mapping.stages().crmStages().forEach(stage -> mapped.put(stage, Stage.OPEN));
		for (Map.Entry<String, Stage> stage : mapped.entrySet()) {
			if (stages.get(stage.getKey()) != stage.getValue()) {
				throw CrmCallException.permanent("The stage '" + stage.getKey() + "' is not an active "
						+ stage.getValue().name().toLowerCase(Locale.ROOT)
						+ " opportunity stage in Salesforce; its active stages are "
						+ String.join(", ", stages.keySet()));
			}
		}
		String found = String.join(", ", mapped.keySet());
		return Proof.of("Found the stages " + found, "crm.test.detail.stages", found);
	}

	private Optional<String> findAccount(Account account) {
		String postalCode = account.postalCode() == null ? "null" : literal(account.postalCode());
		return first(soql("SELECT Id FROM Account WHERE Name = " + literal(account.name()) + " AND BillingPostalCode = "
				+ postalCode + " LIMIT 1"))
			.map(match -> match.path("Id").asString());
	}

	private String createAccount(Account account) {
		ObjectNode body = this.json.createObjectNode();
		body.put("Name", account.name());
		if (account.postalCode() != null) {
			body.put("BillingPostalCode", account.postalCode());
		}
		if (account.city() != null) {
			body.put("BillingCity", account.city());
		}
		body.put("BillingCountry", account.countryName());
		return createdId(this.http.send("POST", this.api + "sobjects/Account", body, NO_HEADERS));
	}

	private JsonNode soql(String soql) {
		return this.http.getJson(this.api + "query" + query("q", soql), NO_HEADERS);
	}

	/** The request body that writes the given fields, as the mapping names them. */
	private ObjectNode fields(OpportunityState state, Set<OpportunityField> fields) {
		ObjectNode body = this.json.createObjectNode();
		for (OpportunityField field : fields) {
			Object value = state.value(field);
			String name = fieldName(field);
			if (value == null || name == null) {
				continue;
			}
			if (value instanceof BigDecimal amount) {
				body.put(name, amount);
			}
			else {
				body.put(name, value.toString());
			}
		}
		return body;
	}

	private @Nullable String fieldName(OpportunityField field) {
		return switch (field) {
			case NAME -> this.mapping.name();
			case AMOUNT -> this.mapping.amount();
			case CURRENCY -> this.mapping.currency();
			case CLOSE_DATE -> this.mapping.closeDate();
			case DESCRIPTION -> this.mapping.description();
			case REFERENCE -> this.mapping.reference();
			case SALES_STAGE -> "StageName";
			case STAGE -> null;
		};
	}

	private String selectedFields() {
		StringJoiner fields = new StringJoiner(",");
		fields.add("Id");
		for (OpportunityField field : OpportunityField.values()) {
			String name = fieldName(field);
			if (name != null) {
				fields.add(name);
			}
		}
		return fields.add("IsClosed").add("IsWon").add("SystemModstamp").toString();
	}

	private CrmOpportunity opportunity(JsonNode node) {
		JsonNode amount = this.mapping.amount() == null ? null : node.get(this.mapping.amount());
		String closeDate = text(node, this.mapping.closeDate());
		Stage stage = node.path("IsWon").asBoolean() ? Stage.WON
				: node.path("IsClosed").asBoolean() ? Stage.LOST : Stage.OPEN;
		OpportunityState state = new OpportunityState(text(node, this.mapping.name()),
				amount == null || !amount.isNumber() ? null : amount.decimalValue(),
				text(node, this.mapping.currency()), closeDate == null ? null : LocalDate.parse(closeDate),
				text(node, this.mapping.description()), text(node, this.mapping.reference()),
				stage == Stage.OPEN ? text(node, "StageName") : null, stage);
		return new CrmOpportunity(node.path("Id").asString(), state, timestamp(node.path("SystemModstamp").asString()));
	}

	private static Instant timestamp(String text) {
		try {
			return OffsetDateTime.parse(text, TIMESTAMP).toInstant();
		}
		catch (DateTimeParseException ex) {
			return OffsetDateTime.parse(text).toInstant();
		}
	}

	private String createdId(CrmHttp.Response response) {
		String id = this.http.json(response).path("id").asString("");
		if (!isRecordId(id)) {
			throw CrmCallException.permanent("Salesforce created a record but did not say its id: " + response.body());
		}
		return id;
	}

	private static Optional<JsonNode> first(JsonNode page) {
		JsonNode records = page.path("records");
		return records.isArray() && !records.isEmpty() ? Optional.of(records.get(0)) : Optional.empty();
	}

	private static @Nullable String text(JsonNode node, @Nullable String field) {
		if (field == null) {
			return null;
		}
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	/**
	 * A SOQL string literal: single quotes, with backslashes and quotes escaped.
	 */
	private static String literal(String value) {
		StringBuilder literal = new StringBuilder("'");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '\\' -> literal.append("\\\\");
				case '\'' -> literal.append("\\'");
				case '\n' -> literal.append("\\n");
				case '\r' -> literal.append("\\r");
				case '\t' -> literal.append("\\t");
				default -> literal.append(c);
			}
		}
		return literal.append('\'').toString();
	}

}
