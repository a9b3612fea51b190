package org.leadrelay.crm;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.crm.CrmServer.Request;
import org.leadrelay.crm.LeadSyncStatus.State;
import org.leadrelay.testing.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.crm.SyncedLeads.CONNECTIONS;
import static org.leadrelay.crm.SyncedLeads.REFERRALS;
import static org.leadrelay.testing.DealRequests.coSell;
import static org.leadrelay.testing.DealRequests.partnerLed;
import static org.leadrelay.testing.DealRequests.partnerToPartner;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * Co-sell deals and Salesforce opportunities, both ways: a partner's own deal becomes an
 * opportunity at the stage the deal is at, every stage change goes to Salesforce, a stage
 * changed or a deal won there moves the deal through its lifecycle (a move the deal
 * refuses is logged in the reader's language), and each record goes to its owner's
 * connection only.
 */
class DealSyncIntegrationTests extends CrmSyncFixture<SalesforceServer> {

	@Autowired
	SyncLog syncLog;

	@Autowired
	MessageSource messages;

	ApiClient contoso;

	@Override
	SalesforceServer startCrm() throws IOException {
		return SalesforceServer.start("3MVG9leadrelay", "secret-" + UUID.randomUUID());
	}

	@Override
	String kind() {
		return "salesforce";
	}

	@BeforeEach
	void contoso() {
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
	}

	@Test
	void aPartnersOwnDealBecomesAnOpportunityAtItsStageWithItsDealType() {
		String deal = created(partnerLed());

		this.leads.push(deal);

		Map<String, Object> opportunity = this.crm.opportunities().get(0);
		assertThat(opportunity).containsEntry("Name", "Dairy analytics")
			.containsEntry("StageName", "Prospecting")
			.containsEntry("CloseDate", "2027-03-31")
			.containsEntry("LeadRelay_Id__c", deal);
		assertThat(opportunity.get("Description").toString()).contains("Deal type: Partner-led")
			.contains("Deal team: Anna Kovács <anna.kovacs@contoso.example>");
		assertThat(this.leads.lead(deal).get("externalReferenceId").asString()).isEqualTo(opportunity.get("Id"));
		assertThat(this.leads.status(deal).state()).isEqualTo(State.SYNCED);
	}

	@Test
	void everyStageChangeIsPushedWithOnlyTheStage() {
		String deal = created(coSell(this.program.vendor()));
		this.leads.push(deal);
		String opportunity = this.leads.status(deal).crmRecordId();
		assertThat(this.crm.opportunities().get(0).get("Description").toString()).contains("Deal type: Co-sell");

		for (List<String> stage : List.of(List.of("Qualify", "Qualification"), List.of("Develop", "Needs Analysis"),
				List.of("Propose", "Proposal/Price Quote"), List.of("Close", "Negotiation/Review"))) {
			this.leads.change(deal, patch(replace("/salesStage", "\"" + stage.get(0) + "\"")));
			this.leads.push(deal);

			Request moved = lastWrite();
			assertThat(moved.method()).isEqualTo("PATCH");
			assertThat(moved.path()).endsWith("/sobjects/Opportunity/" + opportunity);
			assertThat(moved.json().propertyNames()).containsExactly("StageName");
			assertThat(moved.json().get("StageName").asString()).isEqualTo(stage.get(1));
		}
		assertThat(this.leads.log().get(0).get("message").asString()).isEqualTo("Updated sales stage");

		this.leads.change(deal, patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Won\"")));
		this.leads.push(deal);
		assertThat(this.crm.opportunities().get(0)).containsEntry("StageName", "Closed Won")
			.containsEntry("IsWon", true);
		assertThat(this.leads.status(deal).state()).isEqualTo(State.SYNCED);
	}

	@Test
	void aStageChangedInSalesforceMovesTheDealAndIsNotEchoed() {
		String deal = created(partnerLed());
		this.leads.push(deal);
		String opportunity = this.leads.status(deal).crmRecordId();

		this.crm.changeInCrm(opportunity, Map.of("StageName", "Proposal/Price Quote"));
		this.inbound.pollDue();

		assertThat(this.leads.lead(deal).get("salesStage").asString()).isEqualTo("Propose");
		JsonNode timeline = this.leads.audit(deal);
		JsonNode moved = timeline.get(timeline.size() - 1);
		assertThat(moved.get("action").asString()).isEqualTo("stageChanged");
		assertThat(moved.get("actor").get("name").asString()).isEqualTo("Salesforce");
		assertThat(this.leads.log().get(0).get("message").asString())
			.isEqualTo("Applied from Salesforce: moved to Proposed (60 %)");

		int writes = this.crm.writes().size();
		this.publications.awaitCompleted(deal);
		this.leads.push(deal);
		assertThat(this.crm.writes()).as("nothing echoed back to Salesforce").hasSize(writes);
		assertThat(this.leads.status(deal).state()).isEqualTo(State.SYNCED);
	}

	@Test
	void wonOrLostInSalesforceMarksTheDealWonOrLost() {
		String won = created(partnerLed());
		String lost = created(partnerLed());
		this.leads.push(won);
		this.leads.push(lost);
		this.leads.change(won, patch(replace("/salesStage", "\"Close\"")));
		this.leads.push(won);

		this.crm.changeInCrm(this.leads.status(won).crmRecordId(),
				Map.of("StageName", "Closed Won", "IsClosed", true, "IsWon", true));
		this.crm.changeInCrm(this.leads.status(lost).crmRecordId(),
				Map.of("StageName", "Closed Lost", "IsClosed", true, "IsWon", false));
		this.inbound.pollDue();

		JsonNode wonDeal = this.leads.lead(won);
		assertThat(wonDeal.get("substatus").asString()).isEqualTo("Won");
		assertThat(wonDeal.get("salesStage").asString()).isEqualTo("Close");
		assertThat(this.leads.lead(lost).get("substatus").asString()).isEqualTo("Lost");
	}

	@Test
	void aMoveTheDealRefusesOrAStageNotMappedIsNotAppliedAndIsLoggedInEachReadersLanguage() {
		String deal = created(partnerLed());
		String other = created(partnerLed());
		this.leads.push(deal);
		this.leads.push(other);
		this.leads.change(deal, patch(replace("/salesStage", "\"Qualify\"")));
		this.leads.push(deal);

		// back to Prospecting, which stands for Accepted: a deal never goes back there
		this.crm.changeInCrm(this.leads.status(deal).crmRecordId(), Map.of("StageName", "Prospecting"));
		// a stage the mapping does not name
		this.crm.changeInCrm(this.leads.status(other).crmRecordId(), Map.of("StageName", "Value Proposition"));
		this.inbound.pollDue();

		assertThat(this.leads.lead(deal).get("salesStage").asString()).isEqualTo("Qualify");
		assertThat(this.leads.status(deal).state()).isEqualTo(State.FAILED);
		assertThat(this.leads.status(deal).lastError()).contains("cannot go back to Accepted");
		SyncLogEntry refused = logged(deal);
		assertThat(refused.failed()).isTrue();
		assertThat(this.messages.getMessage(refused.text(), Locale.ENGLISH))
			.isEqualTo("Not applied from Salesforce: This deal is Qualified (20 %) already and cannot go back to "
					+ "Accepted, where deals start. The earliest stage from here is Qualified.");
		assertThat(this.messages.getMessage(refused.text(), Locale.forLanguageTag("hu")))
			.isEqualTo("Nem vettük át a módosítást (Salesforce): Ez az üzlet már Minősítve (20 %), ezért nem "
					+ "kerülhet vissza az Elfogadva szakaszba, ahol az üzletek indulnak. Innen a legkorábbi "
					+ "szakasz a Minősítve.");

		assertThat(this.leads.lead(other).has("salesStage")).as("still Accepted").isFalse();
		assertThat(this.leads.status(other).state()).isEqualTo(State.FAILED);
		SyncLogEntry unmapped = logged(other);
		assertThat(this.messages.getMessage(unmapped.text(), Locale.ENGLISH)).isEqualTo("Not applied from "
				+ "Salesforce: the opportunity's stage 'Value Proposition' stands for no sales stage of a deal in the "
				+ "connection's field mapping; add it there, or choose a mapped stage");
		assertThat(this.messages.getMessage(unmapped.text(), Locale.forLanguageTag("hu")))
			.startsWith("Nem vettük át a módosítást (Salesforce): a lehetőség „Value Proposition” szakasza");
	}

	@Test
	void eachRecordOfADealGoesToItsOwnersConnectionOnly() throws IOException {
		ApiClient fabrikam = ApiClient.as(this.port, this.program.fabrikamClient());
		try (SalesforceServer fabrikamCrm = startCrm()) {
			ApiClient.Response connected = fabrikam.post(CONNECTIONS, """
					{"kind": "salesforce", "instanceUrl": "%s", "tokenUrl": "%s", "clientId": "%s",
					 "clientSecret": "%s"}""".formatted(fabrikamCrm.baseUrl(), fabrikamCrm.tokenUrl(),
					fabrikamCrm.clientId, fabrikamCrm.clientSecret));
			assertThat(connected.status()).as(connected.body()).isEqualTo(201);
			try {
				String deal = created(partnerToPartner(this.program.vienna()));
				this.leads.push(deal);
				assertThat(this.crm.opportunities()).singleElement()
					.satisfies(opportunity -> assertThat(opportunity).containsEntry("LeadRelay_Id__c", deal));
				assertThat(fabrikamCrm.requests()).as("an invitation not accepted yet is nobody's deal").isEmpty();

				String invitation = invitationOf(fabrikam, deal);
				ApiClient.Response accepted = fabrikam.patch(REFERRALS + "/" + invitation, accept());
				assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
				this.publications.awaitCompleted(invitation);
				this.leads.push(invitation);

				assertThat(fabrikamCrm.opportunities()).singleElement()
					.satisfies(opportunity -> assertThat(opportunity).containsEntry("LeadRelay_Id__c", invitation)
						.containsEntry("StageName", "Prospecting")
						.containsEntry("Name", "Alpine Dairy ERP"));
				assertThat(this.crm.opportunities()).hasSize(1);

				// Fabrikam moves its record on in its CRM: Contoso's deal stays where it
				// is
				String theirs = fabrikamCrm.opportunities().get(0).get("Id").toString();
				fabrikamCrm.changeInCrm(theirs, Map.of("StageName", "Needs Analysis"));
				this.inbound.pollDue();
				assertThat(fabrikam.get(REFERRALS + "/" + invitation).json().get("salesStage").asString())
					.isEqualTo("Develop");
				assertThat(this.leads.lead(deal).has("salesStage")).isFalse();
				assertThat(this.crm.opportunities().get(0)).containsEntry("StageName", "Prospecting");
			}
			finally {
				fabrikam.delete(CONNECTIONS + "/" + connected.json().get("id").asString());
			}
		}
	}

	/** Contoso creates the deal; its creation is handled, so its push is due. */
	private String created(ObjectNode body) {
		// no CRM ID of its own: LeadRelay creates the opportunity
		body.remove("externalReferenceId");
		ApiClient.Response created = this.contoso.post(REFERRALS, body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String deal = created.json().get("id").asString();
		this.publications.awaitCompleted(deal);
		return deal;
	}

	/** The connection's newest sync log entry about the deal. */
	private SyncLogEntry logged(String deal) {
		return this.syncLog.latest(UUID.fromString(this.leads.connection()), 50)
			.stream()
			.filter(entry -> UUID.fromString(deal).equals(entry.referralId()))
			.findFirst()
			.orElseThrow();
	}

	/** The invited organization's record of Contoso's deal. */
	private String invitationOf(ApiClient invited, String deal) {
		String engagement = this.leads.lead(deal).get("engagementId").asString();
		return invited.get(REFERRALS, Map.of("$top", "500"))
			.json()
			.get("value")
			.valueStream()
			.filter(referral -> referral.get("engagementId").asString().equals(engagement))
			.map(referral -> referral.get("id").asString())
			.findFirst()
			.orElseThrow(() -> new AssertionError("No invitation to " + deal));
	}

	private Request lastWrite() {
		List<Request> writes = this.crm.writes();
		return writes.get(writes.size() - 1);
	}

}
