package org.leadrelay.crm.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
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
 * Dynamics 365 (Dataverse) Web API v9.2: OData JSON on the {@code accounts},
 * {@code opportunities} and {@code transactioncurrencies} entity sets, the
 * {@code WinOpportunity} and {@code LoseOpportunity} actions, and {@code modifiedon} for
 * changes. A created record's id comes back in the {@code OData-EntityId} header.
 */
final class DynamicsClient implements CrmClient {

	private static final Pattern GUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern ENTITY_ID = Pattern.compile("\\(([0-9a-fA-F-]{36})\\)\\s*$");

	private static final Map<String, String> ODATA = Map.of("OData-MaxVersion", "4.0", "OData-Version", "4.0");

	private static final int PAGE_SIZE = 100;

	private final CrmHttp http;

	private final JsonMapper json;

	private final FieldMapping mapping;

	private final String api;

	DynamicsClient(ConnectionSettings settings, CrmHttp http, JsonMapper json) {
		this.http = http;
		this.json = json;
		this.mapping = settings.mapping();
		this.api = settings.instanceUrl() + "/api/data/v9.2/";
	}

	@Override
	public boolean isRecordId(String text) {
		return GUID.matcher(text).matches();
	}

	@Override
	public Optional<String> findOpportunity(String reference) {
		JsonNode found = this.http.getJson(this.api + "opportunities" + query("$select", "opportunityid", "$filter",
				this.mapping.reference() + " eq " + literal(reference), "$top", "1"), ODATA);
		return first(found).map(opportunity -> opportunity.path("opportunityid").asString());
	}

	@Override
	public Optional<CrmOpportunity> readOpportunity(String id) {
		try {
			return Optional.of(opportunity(this.http
				.getJson(this.api + "opportunities(" + id + ")" + query("$select", selectedFields()), ODATA)));
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
		body.put("customerid_account@odata.bind", "/accounts(" + accountId + ")");
		return createdId(this.http.send("POST", this.api + "opportunities", body, ODATA));
	}

	@Override
	public void updateOpportunity(String id, OpportunityState state, Set<OpportunityField> fields) {
		ObjectNode body = fields(state, fields);
		if (body.isEmpty()) {
			return;
		}
		Map<String, String> headers = new LinkedHashMap<>(ODATA);
		// update only: without it a PATCH to a deleted opportunity would create a new one
		headers.put("If-Match", "*");
		this.http.send("PATCH", this.api + "opportunities(" + id + ")", body, headers);
	}

	@Override
	public void closeOpportunity(String id, Stage stage) {
		boolean won = stage == Stage.WON;
		ObjectNode close = this.json.createObjectNode();
		close.put("subject", won ? "Won (LeadRelay)" : "Lost (LeadRelay)");
		close.put("opportunityid@odata.bind", "/opportunities(" + id + ")");
		ObjectNode body = this.json.createObjectNode();
		body.put("Status", Integer.parseInt(won ? this.mapping.wonStage() : this.mapping.lostStage()));
		body.set("OpportunityClose", close);
		this.http.send("POST", this.api + (won ? "WinOpportunity" : "LoseOpportunity"), body, ODATA);
	}

	@Override
	public List<CrmOpportunity> changedSince(@Nullable Instant since, int max) {
		Map<String, String> headers = new LinkedHashMap<>(ODATA);
		headers.put("Prefer", "odata.maxpagesize=" + PAGE_SIZE);
		List<CrmOpportunity> changed = new ArrayList<>();
		String filter = (since == null ? "" : "modifiedon ge " + since.truncatedTo(ChronoUnit.SECONDS) + " and ")
				+ this.mapping.reference() + " ne null";
		String url = this.api + "opportunities"
				+ query("$select", selectedFields(), "$filter", filter, "$orderby", "modifiedon asc");
		while (url != null && changed.size() < max) {
			JsonNode page = this.http.getJson(url, headers);
			for (JsonNode opportunity : page.path("value")) {
				changed.add(opportunity(opportunity));
			}
			url = nextLink(page.path("@odata.nextLink").asString(null));
		}
		return changed.size() > max ? changed.subList(0, max) : changed;
	}

	@Override
	public ConnectionTest test() {
		return new StepwiseTest().step("signIn", this.http::signInAgain).step("accounts", () -> {
			this.http.getJson(this.api + "accounts" + query("$select", "accountid", "$top", "1"), ODATA);
			return Proof.of("Read accounts", "crm.test.detail.accounts");
		}).step("opportunities", () -> {
			String fields = selectedFields()
					+ (this.mapping.currency() == null ? "" : ",_" + this.mapping.currency() + "_value");
			this.http.getJson(this.api + "opportunities" + query("$select", fields, "$filter",
					this.mapping.reference() + " eq " + literal("00000000-0000-0000-0000-000000000000"), "$top", "1"),
					ODATA);
			return Proof.of("Read opportunities with the mapped fields " + fields, "crm.test.detail.opportunities",
					fields);
		}).result();
	}

	private Optional<String> findAccount(Account account) {
		String postalCode = account.postalCode() == null ? "null" : literal(account.postalCode());
		JsonNode found = this.http.getJson(this.api + "accounts" + query("$select", "accountid", "$filter",
				"name eq " + literal(account.name()) + " and address1_postalcode eq " + postalCode, "$top", "1"),
				ODATA);
		return first(found).map(match -> match.path("accountid").asString());
	}

	private String createAccount(Account account) {
		ObjectNode body = this.json.createObjectNode();
		body.put("name", account.name());
		if (account.postalCode() != null) {
			body.put("address1_postalcode", account.postalCode());
		}
		if (account.city() != null) {
			body.put("address1_city", account.city());
		}
		body.put("address1_country", account.countryName());
		return createdId(this.http.send("POST", this.api + "accounts", body, ODATA));
	}

	private String currencyId(String isoCode) {
		JsonNode found = this.http.getJson(this.api + "transactioncurrencies" + query("$select",
				"transactioncurrencyid", "$filter", "isocurrencycode eq " + literal(isoCode), "$top", "1"), ODATA);
		return first(found).map(currency -> currency.path("transactioncurrencyid").asString())
			.orElseThrow(() -> CrmCallException.permanent("The currency " + isoCode
					+ " is not set up in Dynamics 365: add it (Settings > Business Management > Currencies), "
					+ "or clear the currency field of the connection's field mapping"));
	}

	/** The request body that writes the given fields, as the mapping names them. */
	private ObjectNode fields(OpportunityState state, Set<OpportunityField> fields) {
		ObjectNode body = this.json.createObjectNode();
		for (OpportunityField field : fields) {
			Object value = state.value(field);
			if (value == null) {
				continue;
			}
			switch (field) {
				case NAME -> body.put(this.mapping.name(), (String) value);
				case AMOUNT -> putIfMapped(body, this.mapping.amount(), value);
				case CURRENCY -> {
					if (this.mapping.currency() != null) {
						body.put(this.mapping.currency() + "@odata.bind",
								"/transactioncurrencies(" + currencyId((String) value) + ")");
					}
				}
				case CLOSE_DATE -> body.put(this.mapping.closeDate(), value.toString());
				case DESCRIPTION -> putIfMapped(body, this.mapping.description(), value);
				case REFERENCE -> body.put(this.mapping.reference(), (String) value);
				case SALES_STAGE -> body.put(stageField(), Integer.parseInt((String) value));
				case STAGE -> {
					// changed with the WinOpportunity and LoseOpportunity actions
				}
			}
		}
		return body;
	}

	private static void putIfMapped(ObjectNode body, @Nullable String field, Object value) {
		if (field != null) {
			if (value instanceof BigDecimal amount) {
				body.put(field, amount);
			}
			else {
				body.put(field, value.toString());
			}
		}
	}

	private String selectedFields() {
		StringJoiner fields = new StringJoiner(",");
		fields.add("opportunityid")
			.add(this.mapping.name())
			.add(this.mapping.closeDate())
			.add(this.mapping.reference());
		if (this.mapping.amount() != null) {
			fields.add(this.mapping.amount());
		}
		if (this.mapping.description() != null) {
			fields.add(this.mapping.description());
		}
		return fields.add(stageField()).add("statecode").add("modifiedon").toString();
	}

	/** The choice column of a deal's stage (a checked mapping always names one). */
	private String stageField() {
		return Objects.requireNonNull(this.mapping.stages().field());
	}

	private CrmOpportunity opportunity(JsonNode node) {
		JsonNode amount = this.mapping.amount() == null ? null : node.get(this.mapping.amount());
		String closeDate = text(node, this.mapping.closeDate());
		Stage stage = switch (node.path("statecode").asInt(0)) {
			case 1 -> Stage.WON;
			case 2 -> Stage.LOST;
			default -> Stage.OPEN;
		};
		// the currency is a lookup: it is written, not read back
		OpportunityState state = new OpportunityState(text(node, this.mapping.name()),
				amount == null || !amount.isNumber() ? null : amount.decimalValue(), null,
				closeDate == null ? null : LocalDate.parse(closeDate.substring(0, 10)),
				text(node, this.mapping.description()), text(node, this.mapping.reference()),
				stage == Stage.OPEN ? text(node, stageField()) : null, stage);
		return new CrmOpportunity(node.path("opportunityid").asString(), state,
				Instant.parse(node.path("modifiedon").asString()));
	}

	private String createdId(CrmHttp.Response response) {
		String entityId = response.header("OData-EntityId");
		Matcher id = ENTITY_ID.matcher(entityId == null ? "" : entityId);
		if (!id.find()) {
			throw CrmCallException
				.permanent("Dynamics 365 created a record but did not say its id (OData-EntityId: " + entityId + ")");
		}
		return id.group(1);
	}

	/** Follows a next link only within this environment's Web API. */
	private @Nullable String nextLink(@Nullable String link) {
		if (link == null || link.isEmpty()) {
			return null;
		}
		if (!link.startsWith(this.api)) {
			throw CrmCallException.permanent("Dynamics 365 sent a next page link outside " + this.api + ": " + link);
		}
		return link;
	}

	private static Optional<JsonNode> first(JsonNode page) {
		JsonNode value = page.path("value");
		return value.isArray() && !value.isEmpty() ? Optional.of(value.get(0)) : Optional.empty();
	}

	private static @Nullable String text(JsonNode node, @Nullable String field) {
		if (field == null) {
			return null;
		}
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	/** An OData string literal: single quotes, doubled inside. */
	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
