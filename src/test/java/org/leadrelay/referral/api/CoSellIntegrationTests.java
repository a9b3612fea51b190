package org.leadrelay.referral.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.referral.ExpirySweep;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
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
import static org.leadrelay.testing.DealRequests.privateDeal;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * Co-sell over HTTP: partners create deals of each type, invite the vendor or another
 * partner, the invited side answers (or lets the invitation expire), both move their
 * deals through the sales stages, and each side sees the other's stage but only its own
 * fields.
 */
@IntegrationTest
class CoSellIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	MutableClock clock;

	@Autowired
	ExpirySweep sweep;

	Program program;

	ApiClient vendor;

	ApiClient contoso;

	ApiClient fabrikam;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = ApiClient.as(this.port, this.program.vendorClient());
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
		this.fabrikam = ApiClient.as(this.port, this.program.fabrikamClient());
	}

	@Test
	void eachDealTypeStartsAcceptedAndOnlyAPartnerLedOneShowsToTheVendor() {
		JsonNode partnerLed = create(partnerLed());
		JsonNode privateDeal = create(privateDeal());
		JsonNode coSell = create(coSell(this.program.vendor()));
		JsonNode partnerToPartner = create(partnerToPartner(this.program.vienna()));

		for (JsonNode deal : new JsonNode[] { partnerLed, privateDeal, coSell, partnerToPartner }) {
			assertThat(deal.get("status").asString()).isEqualTo("Active");
			assertThat(deal.get("substatus").asString()).isEqualTo("Accepted");
			assertThat(deal.get("direction").asString()).isEqualTo("Outgoing");
			assertThat(deal.get("acceptedDateTime").asString()).isEqualTo(deal.get("createdDateTime").asString());
			assertThat(deal.has("salesStage")).as("Accepted is before the first sales stage").isFalse();
			assertThat(deal.at("/target/0/id").asString()).isEqualTo(this.program.budapest().id().toString());
			assertThat(deal.at("/team/0/email").asString()).isEqualTo("anna.kovacs@contoso.example");
			assertThat(deal.get("externalReferenceId").asString()).isEqualTo("CRM-7");
		}
		assertThat(partnerLed.get("type").asString()).isEqualTo("Independent");
		assertThat(partnerLed.at("/consent/consentToShareReferralWithMicrosoftSellers").asBoolean()).isTrue();
		assertThat(privateDeal.at("/consent/consentToShareReferralWithMicrosoftSellers").asBoolean()).isFalse();
		assertThat(coSell.get("type").asString()).isEqualTo("Shared");
		assertThat(coSell.at("/inviteContext/assistanceRequestCode").asString()).isEqualTo("ProofOfConceptOrDemo");
		assertThat(partnerToPartner.get("type").asString()).isEqualTo("Shared");

		Response seenByVendor = this.vendor.get(REFERRALS + "/" + id(partnerLed));
		assertThat(seenByVendor.status()).isEqualTo(200);
		assertThat(seenByVendor.json().get("direction").asString()).isEqualTo("Incoming");
		assertThat(listed(this.vendor, "direction eq 'Incoming'")).contains(id(partnerLed))
			.doesNotContain(id(privateDeal), id(coSell), id(partnerToPartner));
		for (JsonNode hidden : new JsonNode[] { privateDeal, coSell, partnerToPartner }) {
			assertThat(this.vendor.get(REFERRALS + "/" + id(hidden)).status()).isEqualTo(404);
		}
		assertThat(this.vendor.patch(REFERRALS + "/" + id(partnerLed), patch(replace("/salesStage", "\"Develop\"")))
			.status()).as("the vendor sees a partner-led deal, but only the partner works it").isEqualTo(403);
		assertThat(listed(this.contoso, "direction eq 'Outgoing'")).containsExactlyInAnyOrder(id(partnerLed),
				id(privateDeal), id(coSell), id(partnerToPartner));
		assertThat(listed(this.contoso, "direction eq 'Incoming'")).isEmpty();
	}

	@Test
	void aPrivateDealReachesTheVendorOnceTheCustomerAgrees() {
		String deal = id(create(privateDeal()));
		assertThat(this.vendor.get(REFERRALS + "/" + deal).status()).isEqualTo(404);

		Response shared = this.contoso.patch(REFERRALS + "/" + deal,
				patch(replace("/consent/consentToShareReferralWithMicrosoftSellers", "true")));

		assertThat(shared.status()).as(shared.body()).isEqualTo(204);
		assertThat(this.vendor.get(REFERRALS + "/" + deal).status()).isEqualTo(200);
		assertThat(audit(this.contoso, deal)).contains("sharedWithVendor");
		Response unshared = this.contoso.patch(REFERRALS + "/" + deal,
				patch(replace("/consent/consentToShareReferralWithMicrosoftSellers", "false")));
		assertThat(unshared.status()).isEqualTo(400);
		assertThat(unshared.errorTarget()).isEqualTo("consent/consentToShareReferralWithMicrosoftSellers");
	}

	@Test
	void theVendorAnswersACoSellInvitationAndEachSideSeesTheOthersStage() {
		JsonNode deal = create(coSell(this.program.vendor()));
		JsonNode invitation = invitationOf(this.vendor, deal);

		assertThat(invitation.get("substatus").asString()).isEqualTo("Received");
		assertThat(invitation.get("direction").asString()).isEqualTo("Incoming");
		assertThat(invitation.at("/inviteContext/invitedBy/organizationId").asString())
			.isEqualTo(this.program.contoso().id().toString());
		assertThat(invitation.at("/inviteContext/notes").asString()).isEqualTo("Could your team run the demo?");
		assertThat(invitation.at("/inviteContext/assistanceRequestCode").asString()).isEqualTo("ProofOfConceptOrDemo");
		assertThat(invitation.get("name").asString()).isEqualTo("Dairy analytics");
		assertThat(invitation.has("externalReferenceId")).as("the inviter's own fields stay its own").isFalse();
		assertThat(invitation.has("campaignId")).isFalse();
		assertThat(invitation.get("team")).isEmpty();
		assertThat(invitation.at("/details/notes").isMissingNode()).isTrue();
		assertThat(invitation.at("/customerProfile/team")).as("the customer did not agree to share contacts").isEmpty();
		assertThat(Instant.parse(invitation.get("expirationDateTime").asString()))
			.isEqualTo(Instant.parse(invitation.get("createdDateTime").asString()).plus(Duration.ofDays(14)));
		assertThat(this.contoso.get(REFERRALS + "/" + id(invitation)).status()).isEqualTo(404);
		assertThat(this.fabrikam.get(REFERRALS + "/" + id(invitation)).status()).isEqualTo(404);
		assertThat(related(this.contoso, deal).get("substatus").asString()).isEqualTo("Received");

		Response accepted = this.vendor.patch(REFERRALS + "/" + id(invitation), accept());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
		JsonNode vendorSide = related(this.contoso, deal);
		assertThat(vendorSide.get("organizationId").asString()).isEqualTo(this.program.vendor().id().toString());
		assertThat(vendorSide.get("substatus").asString()).isEqualTo("Accepted");
		assertThat(vendorSide.get("dealStage").asString()).isEqualTo("Accepted");
		assertThat(vendorSide.get("probability").asInt()).isEqualTo(10);

		assertThat(this.vendor.patch(REFERRALS + "/" + id(invitation), patch(replace("/salesStage", "\"Develop\"")))
			.status()).isEqualTo(204);
		assertThat(related(this.contoso, deal).get("salesStage").asString()).isEqualTo("Develop");
		assertThat(related(this.contoso, deal).get("probability").asInt()).isEqualTo(40);
		assertThat(
				this.contoso.patch(REFERRALS + "/" + id(deal), patch(replace("/salesStage", "\"Propose\""))).status())
			.isEqualTo(204);
		JsonNode partnerSide = related(this.vendor, invitation);
		assertThat(partnerSide.get("organizationId").asString()).isEqualTo(this.program.contoso().id().toString());
		assertThat(partnerSide.get("direction").asString()).isEqualTo("Outgoing");
		assertThat(partnerSide.get("salesStage").asString()).isEqualTo("Propose");
		assertThat(partnerSide.has("name")).isFalse();

		Response read = this.vendor.get(REFERRALS + "/" + id(invitation));
		Response replaced = this.vendor.header("If-Match", read.header("ETag"))
			.put(REFERRALS + "/" + id(invitation), read.body());
		assertThat(replaced.status()).as("an invitation read is sent back as it is: " + replaced.body()).isEqualTo(200);
		assertThat(replaced.json().get("eTag").asString()).isEqualTo(read.json().get("eTag").asString());
	}

	@Test
	void aPartnerInvitesAnotherPartnerWhoDeclinesWithAReason() {
		JsonNode deal = create(partnerToPartner(this.program.vienna()));
		assertThat(listed(this.fabrikam, "direction eq 'Incoming'")).hasSize(1);
		JsonNode invitation = invitationOf(this.fabrikam, deal);
		assertThat(invitation.at("/target/0/id").asString()).isEqualTo(this.program.vienna().id().toString());
		assertThat(invitation.at("/inviteContext/invitedBy/organizationName").asString())
			.isEqualTo(this.program.contoso().name());
		assertThat(listed(this.fabrikam, "direction eq 'Outgoing'")).isEmpty();

		Response withoutReason = this.fabrikam.patch(REFERRALS + "/" + id(invitation),
				patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Declined\"")));
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(withoutReason.errorTarget()).isEqualTo("statusReason");
		Response declined = this.fabrikam.patch(REFERRALS + "/" + id(invitation),
				patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Declined\""),
						replace("/statusReason", "\"NoCapacity\"")));
		assertThat(declined.status()).as(declined.body()).isEqualTo(204);

		JsonNode fabrikamSide = related(this.contoso, deal);
		assertThat(fabrikamSide.get("organizationName").asString()).isEqualTo(this.program.fabrikam().name());
		assertThat(fabrikamSide.get("substatus").asString()).isEqualTo("Declined");
		assertThat(this.fabrikam.get(REFERRALS + "/" + id(deal)).status()).isEqualTo(404);
		assertThat(this.contoso.get(REFERRALS + "/" + id(invitation)).status()).isEqualTo(404);
		assertThat(this.contoso.patch(REFERRALS + "/" + id(invitation), accept()).status()).isEqualTo(404);
		assertThat(this.vendor.get(REFERRALS + "/" + id(invitation)).status()).isEqualTo(404);
		assertThat(this.vendor.get(REFERRALS + "/" + id(deal)).status()).isEqualTo(404);
	}

	@Test
	void anInvitationNobodyAnswersExpiresAndTheInviterSeesIt() {
		JsonNode deal = create(partnerToPartner(this.program.vienna()));
		JsonNode invitation = invitationOf(this.fabrikam, deal);

		this.clock.advance(Duration.ofDays(14).plusMinutes(1));
		this.sweep.run();

		JsonNode expired = this.fabrikam.get(REFERRALS + "/" + id(invitation)).json();
		assertThat(expired.get("status").asString()).isEqualTo("Closed");
		assertThat(expired.get("substatus").asString()).isEqualTo("Expired");
		assertThat(related(this.contoso, deal).get("substatus").asString()).isEqualTo("Expired");
		assertThat(this.fabrikam.patch(REFERRALS + "/" + id(invitation), accept()).status()).isEqualTo(409);
	}

	@Test
	void salesStagesMoveThroughPatchAndPutAndRefuseWhatTheDealDoesNotAllow() {
		String deal = id(create(partnerLed()));

		assertThat(this.contoso.patch(REFERRALS + "/" + deal, patch(replace("/salesStage", "\"Qualify\""))).status())
			.isEqualTo(204);
		Response read = this.contoso.get(REFERRALS + "/" + deal);
		assertThat(read.json().get("salesStage").asString()).isEqualTo("Qualify");
		ObjectNode body = (ObjectNode) read.json();
		body.put("salesStage", "Propose");
		Response replaced = this.contoso.header("If-Match", read.header("ETag"))
			.put(REFERRALS + "/" + deal, body.toString());
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.json().get("salesStage").asString()).isEqualTo("Propose");
		Response unchanged = this.contoso.header("If-Match", replaced.header("ETag"))
			.put(REFERRALS + "/" + deal, replaced.body());
		assertThat(unchanged.status()).as("a replacement with the same stage moves nothing").isEqualTo(200);
		assertThat(audit(this.contoso, deal)).containsExactly("created", "stageChanged", "stageChanged");

		Response won = this.contoso.patch(REFERRALS + "/" + deal,
				patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Won\"")));
		assertThat(won.status()).isEqualTo(204);
		assertThat(this.contoso.get(REFERRALS + "/" + deal).json().get("salesStage").asString()).isEqualTo("Close");
		Response afterWon = this.contoso.patch(REFERRALS + "/" + deal, patch(replace("/salesStage", "\"Develop\"")));
		assertThat(afterWon.status()).isEqualTo(409);
		assertThat(afterWon.errorTarget()).isEqualTo("salesStage");
		assertThat(afterWon.json().path("error").path("message").asString())
			.contains("only an accepted deal moves between sales stages");

		JsonNode invitation = invitationOf(this.fabrikam, create(partnerToPartner(this.program.vienna())));
		Response unanswered = this.fabrikam.patch(REFERRALS + "/" + id(invitation),
				patch(replace("/salesStage", "\"Develop\"")));
		assertThat(unanswered.status()).isEqualTo(409);
		Response acceptedAndQualified = this.fabrikam.patch(REFERRALS + "/" + id(invitation),
				patch(replace("/status", "\"Active\""), replace("/substatus", "\"Accepted\""),
						replace("/details/notes", "\"We bring the Austrian dairy experience\""),
						replace("/salesStage", "\"Qualify\"")));
		assertThat(acceptedAndQualified.status()).as(acceptedAndQualified.body()).isEqualTo(204);
		assertThat(audit(this.fabrikam, id(invitation))).containsExactly("invited", "accepted", "stageChanged");
	}

	private JsonNode create(ObjectNode body) {
		Response created = this.contoso.post(REFERRALS, body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	/** The caller's record of the engagement the deal started. */
	private static JsonNode invitationOf(ApiClient invited, JsonNode deal) {
		JsonNode listed = invited.get(REFERRALS, Map.of("$top", "500")).json().get("value");
		return listed.valueStream()
			.filter(referral -> referral.get("engagementId").asString().equals(deal.get("engagementId").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No invitation to " + deal.get("id")));
	}

	/** The one other record of the engagement, as the caller sees it on its own. */
	private static JsonNode related(ApiClient caller, JsonNode own) {
		JsonNode related = caller.get(REFERRALS + "/" + id(own)).json().get("relatedReferrals");
		assertThat(related).hasSize(1);
		return related.get(0);
	}

	private static java.util.List<String> listed(ApiClient caller, String filter) {
		return caller.get(REFERRALS, Map.of("$filter", filter, "$top", "500"))
			.json()
			.get("value")
			.valueStream()
			.map(CoSellIntegrationTests::id)
			.toList();
	}

	private static java.util.List<String> audit(ApiClient caller, String id) {
		return caller.get(REFERRALS + "/" + id + "/audit").json().findValuesAsString("action");
	}

	private static String id(JsonNode referral) {
		return referral.get("id").asString();
	}

}
