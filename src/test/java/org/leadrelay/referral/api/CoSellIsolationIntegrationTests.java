package org.leadrelay.referral.api;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.DealRequests.coSell;
import static org.leadrelay.testing.DealRequests.partnerLed;
import static org.leadrelay.testing.DealRequests.partnerToPartner;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * Deals stay within their tenants: every verb on another organization's deal or
 * invitation is 404, a deal joins only an engagement its organization takes part in and
 * invites only within its program, and malformed deals are 400, never 5xx.
 */
@IntegrationTest
class CoSellIsolationIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	Program program;

	Program otherProgram;

	ApiClient contoso;

	ApiClient fabrikam;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.otherProgram = this.programs.create();
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
		this.fabrikam = ApiClient.as(this.port, this.program.fabrikamClient());
	}

	@Test
	void everyVerbOnAnotherOrganizationsDealOrInvitationIsNotFound() {
		String deal = create(this.contoso, partnerLed()).get("id").asString();
		JsonNode p2p = create(this.contoso, partnerToPartner(this.program.vienna()));
		String invitation = this.fabrikam.get(REFERRALS)
			.json()
			.get("value")
			.valueStream()
			.filter(referral -> referral.get("engagementId").equals(p2p.get("engagementId")))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		String dealBefore = this.contoso.get(REFERRALS + "/" + deal).body();
		String invitationBefore = this.fabrikam.get(REFERRALS + "/" + invitation).body();
		ApiClient otherVendor = ApiClient.as(this.port, this.otherProgram.vendorClient());
		ApiClient otherPartner = ApiClient.as(this.port, this.otherProgram.contosoClient());

		for (ApiClient stranger : List.of(this.fabrikam, otherVendor, otherPartner)) {
			assertAllNotFound(stranger, deal);
			assertAllNotFound(stranger, p2p.get("id").asString());
		}
		for (ApiClient stranger : List.of(this.contoso, otherVendor, otherPartner)) {
			assertAllNotFound(stranger, invitation);
		}

		assertThat(this.contoso.get(REFERRALS + "/" + deal).body()).isEqualTo(dealBefore);
		assertThat(this.fabrikam.get(REFERRALS + "/" + invitation).body()).isEqualTo(invitationBefore);
	}

	@Test
	void aDealJoinsOnlyAnEngagementItsOrganizationTakesPartIn() {
		JsonNode first = create(this.contoso, partnerLed());
		String engagement = first.get("engagementId").asString();

		Response stranger = this.fabrikam.post(REFERRALS, partnerLed().put("engagementId", engagement).toString());
		assertThat(stranger.status()).as(stranger.body()).isEqualTo(400);
		assertThat(stranger.errorTarget()).isEqualTo("engagementId");
		Response unknown = this.contoso.post(REFERRALS,
				partnerLed().put("engagementId", "3f2b0c1e-0000-4000-8000-000000000000").toString());
		assertThat(unknown.status()).as("the same answer as for an engagement that does not exist").isEqualTo(400);
		assertThat(unknown.errorTarget()).isEqualTo("engagementId");

		JsonNode second = create(this.contoso, partnerLed().put("engagementId", engagement));
		assertThat(second.get("engagementId").asString()).isEqualTo(engagement);
		assertThat(this.contoso.get(REFERRALS + "/" + first.get("id").asString()).json().get("relatedReferrals"))
			.hasSize(1);
		String invitedInto = create(this.contoso, partnerToPartner(this.program.vienna())).get("engagementId")
			.asString();
		JsonNode joined = create(this.fabrikam, partnerLed().put("engagementId", invitedInto));
		assertThat(joined.get("engagementId").asString()).as("Fabrikam was invited into it").isEqualTo(invitedInto);
	}

	@Test
	void aDealInvitesOnlyWithinItsProgram() {
		Response otherLocation = this.contoso.post(REFERRALS, partnerToPartner(this.otherProgram.vienna()).toString());
		assertThat(otherLocation.status()).isEqualTo(400);
		assertThat(otherLocation.errorTarget()).isEqualTo("target");
		Response otherVendor = this.contoso.post(REFERRALS, coSell(this.otherProgram.vendor()).toString());
		assertThat(otherVendor.status()).isEqualTo(400);
		assertThat(otherVendor.errorTarget()).isEqualTo("target/0/id");
		assertThat(this.contoso.get(REFERRALS).json().get("value")).isEmpty();
	}

	@Test
	void malformedDealsAreRefusedByNameNeverWithAServerError() {
		Map<String, Consumer<ObjectNode>> refusals = Map.ofEntries(Map.entry("team", deal -> deal.remove("team")),
				Map.entry("details/requirements/solutions",
						deal -> ((ObjectNode) deal.at("/details")).remove("requirements")),
				Map.entry("details/requirements/products",
						deal -> ((ObjectNode) deal.at("/details/requirements")).putArray("products")
							.addObject()
							.put("id", "Not in the catalogue")),
				Map.entry("details/notes", deal -> ((ObjectNode) deal.at("/details")).remove("notes")),
				Map.entry("details/closingDateTime",
						deal -> ((ObjectNode) deal.at("/details")).put("closingDateTime", "soon")),
				Map.entry("name", deal -> deal.remove("name")),
				Map.entry("engagementId", deal -> deal.put("engagementId", 42)),
				Map.entry("type", deal -> deal.put("type", "Exclusive")),
				Map.entry("salesStage", deal -> deal.put("salesStage", "Develop")),
				Map.entry("target/0/type", deal -> deal.putArray("target").addObject().put("type", "Galaxy")),
				Map.entry("target/0/id", deal -> deal.putArray("target").addObject().put("id", "nowhere")),
				Map.entry("consent", deal -> deal.remove("consent")),
				Map.entry("customerProfile", deal -> deal.remove("customerProfile")));
		refusals.forEach((target, breaking) -> {
			ObjectNode deal = partnerLed();
			breaking.accept(deal);
			Response refused = this.contoso.post(REFERRALS, deal.toString());
			assertThat(refused.status()).as(target + ": " + refused.body()).isEqualTo(400);
			assertThat(refused.errorTarget()).as(target).isEqualTo(target);
		});
		ObjectNode withoutHelp = coSell(this.program.vendor());
		((ObjectNode) withoutHelp.get("inviteContext")).put("assistanceRequestCode", "Unknown");
		assertThat(this.contoso.post(REFERRALS, withoutHelp.toString()).errorTarget())
			.isEqualTo("inviteContext/assistanceRequestCode");
		ObjectNode independentInvitation = partnerToPartner(this.program.vienna()).put("type", "Independent");
		assertThat(this.contoso.post(REFERRALS, independentInvitation.toString()).errorTarget()).isEqualTo("type");
		assertThat(this.contoso.get(REFERRALS).json().get("value")).isEmpty();
	}

	private void assertAllNotFound(ApiClient stranger, String id) {
		String path = REFERRALS + "/" + id;
		assertThat(stranger.get(path).status()).isEqualTo(404);
		assertThat(stranger.get(path + "/audit").status()).isEqualTo(404);
		assertThat(stranger.patch(path, patch(replace("/salesStage", "\"Develop\""))).status()).isEqualTo(404);
		assertThat(stranger.patch(path, patch(replace("/consent/consentToShareReferralWithMicrosoftSellers", "true")))
			.status()).isEqualTo(404);
		assertThat(stranger.patch(path, accept()).status()).isEqualTo(404);
		assertThat(stranger.header("If-Match", "\"1\"").put(path, partnerLed().toString()).status()).isEqualTo(404);
		assertThat(stranger.get(REFERRALS, Map.of("$top", "500"))
			.json()
			.get("value")
			.valueStream()
			.map(referral -> referral.get("id").asString())).doesNotContain(id);
	}

	private static JsonNode create(ApiClient partner, ObjectNode body) {
		Response created = partner.post(REFERRALS, body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

}
