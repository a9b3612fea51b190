package org.leadrelay.referral.api;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.add;
import static org.leadrelay.testing.ReferralRequests.newReferral;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * The whole lifecycle of a referral over HTTP, as a vendor's and a partner's integrations
 * drive it, and every transition the lifecycle forbids.
 */
@IntegrationTest
class ReferralLifecycleIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	Program program;

	ApiClient vendor;

	ApiClient contoso;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = ApiClient.as(this.port, this.program.vendorClient());
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
	}

	@Test
	void aReferralGoesFromReceivedToWon() {
		Response created = this.vendor.post(REFERRALS, newReferral(this.program.budapest()).toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.header("Location")).endsWith(REFERRALS + "/" + id);
		assertThat(created.json().get("status").asString()).isEqualTo("New");
		assertThat(created.json().get("substatus").asString()).isEqualTo("Received");
		assertThat(created.json().get("direction").asString()).isEqualTo("Outgoing");
		assertThat(created.json().at("/details/customerRequestedContact").asBoolean()).isTrue();
		assertThat(created.json().at("/inviteContext/invitedBy/organizationName").asString())
			.isEqualTo(this.program.vendor().name());

		Response received = this.contoso.get(REFERRALS + "/" + id);
		assertThat(received.status()).isEqualTo(200);
		assertThat(received.json().get("direction").asString()).isEqualTo("Incoming");
		assertThat(received.json().get("organizationName").asString()).isEqualTo(this.program.contoso().name());
		assertThat(received.header("ETag")).isEqualTo(received.json().get("eTag").asString()).isEqualTo("\"1\"");

		assertThat(this.contoso.patch(REFERRALS + "/" + id, patch(replace("/favorite", "true"))).status())
			.isEqualTo(204);
		assertThat(this.contoso.get(REFERRALS + "/" + id).json().get("favorite").asBoolean()).isTrue();

		Response accepted = this.contoso.header("If-Match", "\"1\"").patch(REFERRALS + "/" + id, accept());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
		assertThat(accepted.header("ETag")).isEqualTo("\"2\"");

		Response teamed = this.contoso.patch(REFERRALS + "/" + id, patch(add("/team/-",
				"{\"firstName\": \"Bence\", \"lastName\": \"Szabó\", \"phoneNumber\": \"+36 1 555 0101\", \"email\": \"bence@contoso.example\"}"),
				add("/customerProfile/team/-", "{\"firstName\": \"Gábor\", \"email\": \"cfo@alpine.example\"}")));
		assertThat(teamed.status()).as(teamed.body()).isEqualTo(204);

		Response edited = this.contoso.patch(REFERRALS + "/" + id,
				patch(replace("/details/dealValue", "42000.50"), replace("/externalReferenceId", "\"OPP-0042\"")));
		assertThat(edited.status()).as(edited.body()).isEqualTo(204);

		Response won = this.contoso.header("Prefer", "return=representation")
			.patch(REFERRALS + "/" + id, patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Won\"")));
		assertThat(won.status()).as(won.body()).isEqualTo(200);
		assertThat(won.header("Preference-Applied")).isEqualTo("return=representation");
		JsonNode referral = won.json();
		assertThat(referral.get("status").asString()).isEqualTo("Closed");
		assertThat(referral.get("substatus").asString()).isEqualTo("Won");
		assertThat(referral.get("name").asString()).isEqualTo("Alpine Dairy ERP");
		assertThat(referral.at("/details/dealValue").decimalValue()).isEqualByComparingTo("42000.50");
		assertThat(referral.get("externalReferenceId").asString()).isEqualTo("OPP-0042");
		assertThat(referral.get("acceptedDateTime")).isNotNull();
		assertThat(referral.get("closedDateTime")).isNotNull();
		assertThat(referral.at("/team/0/email").asString()).isEqualTo("bence@contoso.example");
		assertThat(referral.at("/customerProfile/team")).hasSize(2);
		assertThat(won.header("ETag")).isEqualTo(referral.get("eTag").asString());

		Response audit = this.contoso.get(REFERRALS + "/" + id + "/audit");
		assertThat(audit.status()).isEqualTo(200);
		List<String> actions = audit.json()
			.get("value")
			.valueStream()
			.map(entry -> entry.get("action").asString())
			.toList();
		assertThat(actions).containsExactly("received", "accepted", "teamChanged", "customerContactAdded", "edited",
				"won");
		JsonNode acceptedEntry = audit.json().get("value").get(1);
		assertThat(acceptedEntry.get("source").asString()).isEqualTo("API");
		assertThat(acceptedEntry.at("/actor/name").asString()).isEqualTo(this.program.contoso().name() + " CRM");
		assertThat(acceptedEntry.at("/changes/substatus/from").asString()).isEqualTo("Received");
		assertThat(acceptedEntry.at("/changes/substatus/to").asString()).isEqualTo("Accepted");
	}

	@Test
	void aStockClientAcceptsWithTheStatusAloneWhenTheSenderGaveTheDeal() {
		String id = send();

		Response accepted = this.contoso.patch(REFERRALS + "/" + id, patch(replace("/status", "\"Active\"")));

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
		JsonNode referral = this.contoso.get(REFERRALS + "/" + id).json();
		assertThat(referral.get("substatus").asString()).isEqualTo("Accepted");
		assertThat(referral.get("name").asString()).isEqualTo("ERP for Alpine Dairy");
	}

	@Test
	void acceptingWithoutTheDealFieldsNamesTheMissingOne() {
		var body = newReferral(this.program.budapest());
		body.remove("name");
		String id = this.vendor.post(REFERRALS, body.toString()).json().get("id").asString();

		Response refused = this.contoso.patch(REFERRALS + "/" + id, patch(replace("/status", "\"Active\"")));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorCode()).isEqualTo("invalidRequest");
		assertThat(refused.errorTarget()).isEqualTo("name");
		assertThat(this.contoso.get(REFERRALS + "/" + id).json().get("substatus").asString()).isEqualTo("Received");
	}

	@Test
	void aDeclineNeedsAReasonFromTheProgramsList() {
		String id = send();

		Response withoutReason = this.contoso.patch(REFERRALS + "/" + id,
				patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Declined\"")));
		Response unknownReason = this.contoso.patch(REFERRALS + "/" + id,
				patch(replace("/substatus", "\"Declined\""), replace("/statusReason", "\"Bored\"")));
		Response declined = this.contoso.patch(REFERRALS + "/" + id,
				patch(replace("/substatus", "\"Declined\""), replace("/statusReason", "\"OutsideOurRegion\""),
						replace("/details/notes", "\"We only serve Budapest\"")));

		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(withoutReason.errorTarget()).isEqualTo("statusReason");
		assertThat(unknownReason.status()).isEqualTo(400);
		assertThat(unknownReason.json().at("/error/message").asString()).contains("NotOurExpertise");
		assertThat(declined.status()).as(declined.body()).isEqualTo(204);
		JsonNode referral = this.contoso.get(REFERRALS + "/" + id).json();
		assertThat(referral.get("status").asString()).isEqualTo("Closed");
		assertThat(referral.get("substatus").asString()).isEqualTo("Declined");
		assertThat(referral.get("statusReason").asString()).isEqualTo("OutsideOurRegion");
	}

	@Test
	void anAcceptedReferralIsLostWithAReason() {
		String id = send();
		this.contoso.patch(REFERRALS + "/" + id, accept());

		Response lost = this.contoso.patch(REFERRALS + "/" + id,
				patch(replace("/substatus", "\"Lost\""), replace("/statusReason", "\"LostToCompetitor\"")));

		assertThat(lost.status()).as(lost.body()).isEqualTo(204);
		JsonNode referral = this.contoso.get(REFERRALS + "/" + id).json();
		assertThat(referral.get("substatus").asString()).isEqualTo("Lost");
		assertThat(referral.get("statusReason").asString()).isEqualTo("LostToCompetitor");
	}

	@Test
	void forbiddenTransitionsAreRefusedAndChangeNothing() {
		String received = send();
		String won = send();
		this.contoso.patch(REFERRALS + "/" + won, accept());
		this.contoso.patch(REFERRALS + "/" + won, patch(replace("/substatus", "\"Won\"")));

		assertRefused(received, patch(replace("/substatus", "\"Won\"")), 409, "conflict");
		assertRefused(received, patch(replace("/details/notes", "\"edit before accepting\"")), 409, "conflict");
		assertRefused(received, patch(add("/team/-", "{\"email\": \"x@contoso.example\"}")), 409, "conflict");
		assertRefused(received, patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Expired\"")), 400,
				"invalidRequest");
		assertRefused(received, patch(replace("/status", "\"Closed\"")), 400, "invalidRequest");
		assertRefused(received, patch(replace("/status", "\"New\""), replace("/substatus", "\"Accepted\"")), 400,
				"invalidRequest");
		assertRefused(won, accept(), 409, "conflict");
		assertRefused(won, patch(replace("/substatus", "\"Declined\""), replace("/statusReason", "\"Spam\"")), 409,
				"conflict");
		assertRefused(won, patch(replace("/substatus", "\"Lost\"")), 409, "conflict");
		assertRefused(won, patch(replace("/status", "\"New\"")), 409, "conflict");
		assertRefused(won, patch(replace("/details/dealValue", "1")), 409, "conflict");
		assertRefused(won, patch(add("/team/-", "{\"email\": \"x@contoso.example\"}")), 409, "conflict");
	}

	@Test
	void aStaleIfMatchFailsThePreconditionAndChangesNothing() {
		String id = send();
		String etag = this.contoso.get(REFERRALS + "/" + id).header("ETag");
		this.contoso.patch(REFERRALS + "/" + id, accept());

		Response stale = this.contoso.header("If-Match", etag)
			.patch(REFERRALS + "/" + id, patch(replace("/details/notes", "\"stale\"")));
		Response garbage = this.contoso.header("If-Match", "\"not-a-version\"")
			.patch(REFERRALS + "/" + id, patch(replace("/details/notes", "\"stale\"")));

		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.errorCode()).isEqualTo("preconditionFailed");
		assertThat(garbage.status()).isEqualTo(412);
		assertThat(this.contoso.get(REFERRALS + "/" + id).json().at("/details/notes").asString())
			.isEqualTo("Three warehouses, go-live before harvest");
	}

	@Test
	void theVendorReadsWhatItSentButOnlyThePartnerActsOnIt() {
		String id = send();

		Response read = this.vendor.get(REFERRALS + "/" + id);
		Response act = this.vendor.patch(REFERRALS + "/" + id, accept());

		assertThat(read.status()).isEqualTo(200);
		assertThat(act.status()).isEqualTo(403);
		assertThat(act.errorCode()).isEqualTo("accessDenied");
		assertThat(this.contoso.get(REFERRALS + "/" + id).json().get("substatus").asString()).isEqualTo("Received");
	}

	@Test
	void partnersDoNotSendQualifiedReferrals() {
		// a partner's POST creates a deal of its own (CoSellIntegrationTests), never a
		// lead
		Response refused = this.contoso.post(REFERRALS,
				newReferral(this.program.budapest()).put("qualification", "MarketingQualified").toString());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorCode()).isEqualTo("invalidRequest");
		assertThat(refused.errorTarget()).isEqualTo("qualification");
		assertThat(this.contoso.get(REFERRALS).json().get("value")).isEmpty();
	}

	private void assertRefused(String id, String patch, int status, String code) {
		JsonNode before = this.contoso.get(REFERRALS + "/" + id).json();
		Response refused = this.contoso.patch(REFERRALS + "/" + id, patch);
		assertThat(refused.status()).as(patch + " -> " + refused.body()).isEqualTo(status);
		assertThat(refused.errorCode()).isEqualTo(code);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.contoso.get(REFERRALS + "/" + id).json()).isEqualTo(before);
	}

	private String send() {
		Response created = this.vendor.post(REFERRALS, newReferral(this.program.budapest()).toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

}
