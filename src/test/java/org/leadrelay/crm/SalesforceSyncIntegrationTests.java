package org.leadrelay.crm;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leadrelay.crm.CrmServer.Request;
import org.leadrelay.crm.LeadSyncStatus.State;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * Leads and Salesforce opportunities, both ways, against a REST API on 127.0.0.1 that
 * checks requests as Salesforce does: an accepted lead becomes one Opportunity of a
 * matched or created Account, its stage follows the lead, Closed Won in Salesforce marks
 * the lead won (read page by page), and an expired session is renewed.
 */
class SalesforceSyncIntegrationTests extends CrmSyncFixture<SalesforceServer> {

	@Override
	SalesforceServer startCrm() throws IOException {
		return SalesforceServer.start("3MVG9leadrelay", "secret-" + UUID.randomUUID());
	}

	@Override
	String kind() {
		return "salesforce";
	}

	@Test
	void anAcceptedLeadBecomesAnOpportunityOfItsCustomersAccount() {
		String lead = this.leads.accepted();
		this.leads.push(lead);

		Map<String, Object> opportunity = this.crm.opportunities().get(0);
		assertThat(opportunity).containsEntry("Name", "Alpine Dairy ERP")
			.containsEntry("StageName", "Prospecting")
			.containsEntry("CloseDate", "2027-04-30")
			.containsEntry("CurrencyIsoCode", "EUR")
			.containsEntry("Description", "Three warehouses, go-live before harvest")
			.containsEntry("LeadRelay_Id__c", lead);
		assertThat(new BigDecimal(opportunity.get("Amount").toString())).isEqualByComparingTo("30000");
		assertThat(this.crm.accounts()).singleElement()
			.satisfies(account -> assertThat(account).containsEntry("Name", "Alpine Dairy Kft.")
				.containsEntry("BillingPostalCode", "4025")
				.containsEntry("BillingCity", "Debrecen")
				.containsEntry("BillingCountry", "Hungary")
				.containsEntry("Id", opportunity.get("AccountId")));
		assertThat(this.leads.lead(lead).get("externalReferenceId").asString()).isEqualTo(opportunity.get("Id"));
		assertThat(this.leads.status(lead).state()).isEqualTo(State.SYNCED);

		String second = this.leads.accepted();
		this.leads.push(second);
		assertThat(this.crm.accounts()).hasSize(1);
		assertThat(this.crm.opportunities()).hasSize(2);

		this.leads.change(lead, patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Lost\"")));
		this.leads.push(lead);
		Request lost = this.crm.writes().get(this.crm.writes().size() - 1);
		assertThat(lost.method()).isEqualTo("PATCH");
		assertThat(lost.path()).endsWith("/sobjects/Opportunity/" + opportunity.get("Id"));
		assertThat(lost.json().propertyNames()).containsExactly("StageName");
		assertThat(this.crm.opportunities().get(0)).containsEntry("StageName", "Closed Lost")
			.containsEntry("IsClosed", true)
			.containsEntry("IsWon", false);
	}

	@Test
	void closedWonInSalesforceMarksTheLeadWonReadingChangesPageByPage() {
		String first = this.leads.accepted();
		String second = this.leads.accepted();
		this.leads.push(first);
		this.leads.push(second);
		this.crm.batchSize(1);

		for (Map<String, Object> opportunity : this.crm.opportunities()) {
			this.crm.changeInCrm(opportunity.get("Id").toString(), Map.of("StageName", "Closed Won", "IsClosed", true,
					"IsWon", true, "Amount", new BigDecimal("41000")));
		}
		this.inbound.pollDue();

		for (String lead : List.of(first, second)) {
			JsonNode won = this.leads.lead(lead);
			assertThat(won.get("substatus").asString()).isEqualTo("Won");
			assertThat(won.get("details").get("dealValue").decimalValue()).isEqualByComparingTo("41000");
		}
		assertThat(this.crm.requests()).anyMatch(request -> request.path().startsWith(SalesforceServer.API + "query/"));

		int writes = this.crm.writes().size();
		this.leads.push(first);
		this.leads.push(second);
		assertThat(this.crm.writes()).as("nothing echoed back to Salesforce").hasSize(writes);
	}

	@Test
	void anExpiredSessionIsRenewedAndTheCallRepeated() {
		String lead = this.leads.accepted();
		this.leads.push(lead);

		this.crm.expireTokens();
		this.leads.change(lead, patch(replace("/name", "\"Alpine Dairy ERP, phase 2\"")));
		this.leads.push(lead);

		assertThat(this.crm.tokensIssued()).isEqualTo(2);
		assertThat(this.crm.opportunities().get(0)).containsEntry("Name", "Alpine Dairy ERP, phase 2");
		assertThat(this.leads.status(lead).state()).isEqualTo(State.SYNCED);
	}

}
