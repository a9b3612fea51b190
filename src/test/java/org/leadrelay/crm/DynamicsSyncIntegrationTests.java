package org.leadrelay.crm;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.leadrelay.crm.CrmServer.Request;
import org.leadrelay.crm.LeadSyncStatus.State;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.DealRequests;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.add;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * Leads and Dynamics 365 opportunities, both ways, against a Web API on 127.0.0.1 that
 * checks requests as Dataverse does: an accepted lead becomes exactly one opportunity
 * (also when the first answer never comes, or two nodes push at once), edits, team
 * changes and won update it with only what changed, won in Dynamics 365 marks the lead
 * won, nothing echoes back, and every failure shows on the lead.
 */
class DynamicsSyncIntegrationTests extends CrmSyncFixture<DynamicsServer> {

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@Override
	DynamicsServer startCrm() throws IOException {
		return DynamicsServer.start("5f1c0a4e-leadrelay", "secret-" + UUID.randomUUID());
	}

	@Override
	String kind() {
		return "dynamics365";
	}

	@Test
	void anAcceptedLeadBecomesExactlyOneOpportunityEvenWhenTheFirstAnswerNeverCame() {
		this.crm.slowNext("POST", "/opportunities", Duration.ofSeconds(3));
		String lead = this.leads.accepted();

		this.leads.push(lead);

		// Dynamics 365 created it, but LeadRelay gave up waiting for the answer
		assertThat(this.crm.opportunities()).hasSize(1);
		assertThat(this.leads.status(lead).state()).isEqualTo(State.PENDING);
		assertThat(this.leads.status(lead).lastError())
			.contains("No answer from Dynamics 365 to POST /api/data/v9.2/opportunities");
		assertThat(this.leads.lead(lead).has("externalReferenceId")).isFalse();

		this.clock.advance(Duration.ofSeconds(15));
		this.leads.push(lead);

		assertThat(this.crm.opportunities()).hasSize(1);
		assertThat(posts("/opportunities")).hasSize(1);
		Map<String, Object> opportunity = this.crm.opportunities().get(0);
		assertThat(opportunity).containsEntry("name", "Alpine Dairy ERP")
			.containsEntry("estimatedclosedate", "2027-04-30")
			.containsEntry("new_leadrelayid", lead)
			.containsEntry("statecode", 0);
		assertThat(new BigDecimal(opportunity.get("estimatedvalue").toString())).isEqualByComparingTo("30000");
		assertThat(opportunity.get("description").toString()).isEqualTo("Three warehouses, go-live before harvest");
		assertThat(this.crm.currencyCodeOf(opportunity.get("_transactioncurrencyid_value").toString()))
			.isEqualTo("EUR");
		Map<String, Object> account = this.crm.accounts().get(0);
		assertThat(account).containsEntry("name", "Alpine Dairy Kft.")
			.containsEntry("address1_postalcode", "4025")
			.containsEntry("address1_city", "Debrecen")
			.containsEntry("address1_country", "Hungary");
		assertThat(opportunity).containsEntry("_customerid_value", account.get("accountid"));
		assertThat(this.leads.lead(lead).get("externalReferenceId").asString())
			.isEqualTo(opportunity.get("opportunityid"));
		JsonNode linked = this.leads.audit(lead).get(this.leads.audit(lead).size() - 1);
		assertThat(linked.get("action").asString()).isEqualTo("crmLinked");
		assertThat(linked.get("source").asString()).isEqualTo("SYSTEM");
		assertThat(linked.get("actor").get("name").asString()).isEqualTo("Dynamics 365");
		assertThat(this.leads.status(lead).state()).isEqualTo(State.SYNCED);

		String second = this.leads.accepted();
		this.leads.push(second);

		assertThat(this.crm.accounts()).as("the customer's account is matched by name and postal code").hasSize(1);
		assertThat(this.crm.opportunities()).hasSize(2);
		assertThat(this.leads.status(second).crmRecordId()).isNotEqualTo(opportunity.get("opportunityid"));
	}

	@Test
	void editsTeamChangesAndWonUpdateTheOpportunityWithOnlyWhatChanged() {
		String lead = this.leads.accepted();
		this.leads.push(lead);
		String opportunity = this.leads.status(lead).crmRecordId();

		this.leads.change(lead,
				patch(replace("/details/dealValue", "45000"), replace("/details/notes", "\"Four warehouses\"")));
		this.leads.push(lead);
		Request edit = lastWrite();
		assertThat(edit.method()).isEqualTo("PATCH");
		assertThat(edit.path()).endsWith("/opportunities(" + opportunity + ")");
		assertThat(edit.header("If-Match")).isEqualTo("*");
		assertThat(edit.json().propertyNames()).containsExactlyInAnyOrder("estimatedvalue", "description");
		assertThat(edit.json().get("estimatedvalue").decimalValue()).isEqualByComparingTo("45000");

		this.leads.change(lead, patch(add("/team/-",
				"{\"firstName\": \"Bence\", \"lastName\": \"Szabo\", \"email\": \"bence@contoso.example\"}")));
		this.leads.push(lead);
		assertThat(lastWrite().json().get("description").asString())
			.isEqualTo("Four warehouses\n\nDeal team: Bence Szabo <bence@contoso.example>");

		this.leads.change(lead, patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Won\"")));
		this.leads.push(lead);
		Request won = lastWrite();
		assertThat(won.path()).endsWith("/WinOpportunity");
		assertThat(won.json().get("Status").asInt()).isEqualTo(3);
		assertThat(won.json().get("OpportunityClose").get("opportunityid@odata.bind").asString())
			.isEqualTo("/opportunities(" + opportunity + ")");
		assertThat(this.crm.opportunities().get(0)).containsEntry("statecode", 1);

		// LeadRelay's own changes come back from the CRM, and are neither applied nor
		// sent again
		int writes = this.crm.writes().size();
		int entries = this.leads.audit(lead).size();
		this.inbound.pollDue();
		this.leads.push(lead);
		assertThat(this.crm.writes()).hasSize(writes);
		assertThat(this.leads.audit(lead)).hasSize(entries);
		assertThat(this.leads.status(lead).state()).isEqualTo(State.SYNCED);
	}

	@Test
	void wonInDynamicsMarksTheLeadWonWithItsNewValueAndDate() {
		String lead = this.leads.accepted();
		this.leads.push(lead);
		String opportunity = this.leads.status(lead).crmRecordId();

		this.crm.changeInCrm(opportunity,
				Map.of("estimatedvalue", new BigDecimal("52000.0000"), "estimatedclosedate", "2027-06-15"));
		this.crm.changeInCrm(opportunity, Map.of("statecode", 1, "statuscode", 3));
		this.inbound.pollDue();

		JsonNode won = this.leads.lead(lead);
		assertThat(won.get("substatus").asString()).isEqualTo("Won");
		assertThat(won.get("details").get("dealValue").decimalValue()).isEqualByComparingTo("52000");
		assertThat(won.get("details").get("closingDateTime").asString()).isEqualTo("2027-06-15T00:00:00Z");
		List<JsonNode> fromCrm = this.leads.audit(lead)
			.valueStream()
			.filter(entry -> entry.get("actor").get("id").asString().startsWith("crm:"))
			.toList();
		assertThat(fromCrm).extracting(entry -> entry.get("action").asString()).containsExactly("edited", "won");
		assertThat(fromCrm).allSatisfy(entry -> {
			assertThat(entry.get("source").asString()).isEqualTo("SYSTEM");
			assertThat(entry.get("actor").get("name").asString()).isEqualTo("Dynamics 365");
		});

		int writes = this.crm.writes().size();
		this.publications.awaitCompleted(lead);
		this.leads.push(lead);
		assertThat(this.crm.writes()).as("nothing echoed back to Dynamics 365").hasSize(writes);
		assertThat(this.leads.status(lead).state()).isEqualTo(State.SYNCED);
		assertThat(this.leads.log().get(0).get("direction").asString()).isEqualTo("inbound");
		assertThat(this.leads.log().valueStream().map(entry -> entry.get("message").asString()))
			.contains("Applied from Dynamics 365: new value or purchase date, marked won");
	}

	@Test
	void aChangeTheLifecycleRefusesIsASyncErrorOnTheLeadAndIsNotApplied() {
		String lead = this.leads.accepted();
		this.leads.push(lead);
		String opportunity = this.leads.status(lead).crmRecordId();
		this.leads.change(lead, patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Lost\"")));
		this.leads.push(lead);
		assertThat(lastWrite().path()).endsWith("/LoseOpportunity");

		this.crm.changeInCrm(opportunity, Map.of("statecode", 1, "statuscode", 3));
		this.inbound.pollDue();

		assertThat(this.leads.lead(lead).get("substatus").asString()).isEqualTo("Lost");
		assertThat(this.leads.status(lead).state()).isEqualTo(State.FAILED);
		assertThat(this.leads.status(lead).lastError()).startsWith("Not applied from Dynamics 365: ").contains("Lost");
		JsonNode entry = this.leads.log().get(0);
		assertThat(entry.get("direction").asString()).isEqualTo("inbound");
		assertThat(entry.get("failed").asBoolean()).isTrue();
		assertThat(entry.get("referralId").asString()).isEqualTo(lead);

		// read again at the next poll, it is not logged again
		this.inbound.pollDue();
		assertThat(this.leads.log().valueStream().filter(logged -> logged.get("failed").asBoolean())).hasSize(1);
	}

	@Test
	void aCrmIdThatNamesNoOpportunityShowsOnTheLeadUntilItIsFixed() {
		String missing = UUID.randomUUID().toString();
		String lead = this.leads.send();
		// the partner enters the id of an opportunity its CRM does not have (any more)
		this.leads.change(lead,
				accept().replace("]", "," + replace("/externalReferenceId", "\"" + missing + "\"") + "]"));
		this.leads.push(lead);

		assertThat(this.crm.opportunities()).isEmpty();
		WebSession browser = new WebSession(this.port);
		browser.signIn(this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN).email(),
				TestUsers.PASSWORD);
		Page page = browser.get("/leads/" + lead);
		assertThat(page.body()).contains("Not in sync with the CRM.")
			.contains("The lead&#39;s CRM ID " + missing + " names no opportunity in Dynamics 365")
			.contains("action=\"/leads/" + lead + "/crm-sync/retry\"");

		Page retried = browser.post("/leads/" + lead + "/crm-sync/retry", Map.of());
		assertThat(retried.location()).endsWith("/leads/" + lead);
		assertThat(browser.get("/leads/" + lead).body()).contains("The lead is sent to the CRM again in a moment.")
			.contains("Waiting to be sent");
		this.leads.push(lead);
		assertThat(this.leads.status(lead).state()).isEqualTo(State.FAILED);

		this.leads.change(lead, patch(replace("/externalReferenceId", "null")));
		this.leads.push(lead);
		assertThat(this.crm.opportunities()).hasSize(1);
		assertThat(browser.get("/leads/" + lead).body()).contains("In sync")
			.contains("Opportunity " + this.crm.opportunities().get(0).get("opportunityid"))
			.doesNotContain("Not in sync");
	}

	@Test
	void anExpiredAccessTokenIsRenewedAndTheCallRepeated() {
		String lead = this.leads.accepted();
		this.leads.push(lead);
		assertThat(this.crm.tokensIssued()).isEqualTo(1);

		this.crm.expireTokens();
		this.leads.change(lead, patch(replace("/details/dealValue", "31000")));
		this.leads.push(lead);

		assertThat(this.crm.tokensIssued()).isEqualTo(2);
		List<Request> edits = this.crm.writes().stream().filter(request -> request.method().equals("PATCH")).toList();
		assertThat(edits).extracting(request -> request.header("Authorization"))
			.containsExactly("Bearer token-1", "Bearer token-2");
		assertThat(new BigDecimal(this.crm.opportunities().get(0).get("estimatedvalue").toString()))
			.isEqualByComparingTo("31000");
		assertThat(this.leads.status(lead).state()).isEqualTo(State.SYNCED);
	}

	@Test
	void throttlingAndServerErrorsAreRetriedNoSoonerThanAsked() {
		this.crm.failNext("POST", "/accounts", 429, Map.of("Retry-After", "120"),
				"{\"error\": {\"code\": \"0x80072322\", \"message\": \"Number of requests exceeded the limit of 6000 "
						+ "over time window of 300 seconds.\"}}");
		String lead = this.leads.accepted();
		Instant first = this.clock.instant();
		this.leads.push(lead);

		LeadSyncStatus throttled = this.leads.status(lead);
		assertThat(throttled.state()).isEqualTo(State.PENDING);
		assertThat(throttled.lastError()).contains("answered 429").contains("Number of requests exceeded");
		assertThat(throttled.nextAttemptAt()).isAfterOrEqualTo(first.plusSeconds(120));

		int requests = this.crm.requests().size();
		this.clock.advance(Duration.ofSeconds(60));
		this.leads.push(lead);
		assertThat(this.crm.requests()).as("Dynamics 365 asked for two minutes of quiet").hasSize(requests);

		this.crm.failNext("POST", "/opportunities", 503, Map.of(),
				"{\"error\": {\"code\": \"0x80040216\", \"message\": \"The service is unavailable\"}}");
		this.clock.advance(Duration.ofSeconds(61));
		this.leads.push(lead);
		assertThat(this.leads.status(lead).attempts()).isEqualTo(2);
		assertThat(this.leads.status(lead).lastError()).contains("503").contains("The service is unavailable");

		this.clock.advance(Duration.ofMinutes(2));
		this.leads.push(lead);

		assertThat(this.leads.status(lead).state()).isEqualTo(State.SYNCED);
		assertThat(this.crm.opportunities()).hasSize(1);
		assertThat(this.crm.accounts()).hasSize(1);
		assertThat(this.leads.log().valueStream().map(entry -> entry.get("failed").asBoolean())).containsExactly(false,
				true, true);
	}

	@Test
	void twoNodesPushingAtOnceCreateOneOpportunity() throws Exception {
		this.crm.slowNext("POST", "/opportunities", Duration.ofMillis(1500));
		String lead = this.leads.accepted();

		ExecutorService nodes = Executors.newFixedThreadPool(2);
		Callable<Integer> push = this.outbound::pushDue;
		nodes.invokeAll(List.of(push, push));
		nodes.shutdown();
		this.leads.push(lead);

		assertThat(posts("/opportunities")).hasSize(1);
		assertThat(this.leads.status(lead).state()).isEqualTo(State.SYNCED);
	}

	@Test
	void aDealsSalesStageIsTheSalesStageChoiceBothWays() {
		ObjectNode body = DealRequests.partnerLed();
		body.remove("externalReferenceId");
		ApiClient contoso = ApiClient.as(this.port, this.program.contosoClient());
		ApiClient.Response created = contoso.post(SyncedLeads.REFERRALS, body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String deal = created.json().get("id").asString();
		this.publications.awaitCompleted(deal);
		this.leads.push(deal);
		assertThat(this.crm.opportunities().get(0)).containsEntry("salesstage", 0);

		this.leads.change(deal, patch(replace("/salesStage", "\"Develop\"")));
		this.leads.push(deal);
		Request moved = lastWrite();
		assertThat(moved.json().propertyNames()).containsExactly("salesstage");
		assertThat(moved.json().get("salesstage").asInt()).isEqualTo(1);

		this.crm.changeInCrm(this.leads.status(deal).crmRecordId(), Map.of("salesstage", 0));
		this.inbound.pollDue();
		assertThat(this.leads.lead(deal).get("salesStage").asString())
			.as("Qualify is Qualified: a deal never goes back to Accepted")
			.isEqualTo("Qualify");
	}

	private Request lastWrite() {
		List<Request> writes = this.crm.writes();
		return writes.get(writes.size() - 1);
	}

	private List<Request> posts(String path) {
		return this.crm.writes()
			.stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith(path))
			.toList();
	}

}
