package org.leadrelay.referral.api;

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
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.newReferral;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * {@code PUT /v1.0/engagements/referrals/{id}}: a whole referral, as GET returns it,
 * whose differences go through the lifecycle like a JSON Patch.
 */
@IntegrationTest
class ReferralReplacementIntegrationTests {

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
	void aReplacementWithAnotherStatusIsATransitionAndKeepsWhatItRepeats() {
		String id = send();
		Response read = this.contoso.get(REFERRALS + "/" + id);
		ObjectNode body = (ObjectNode) read.json();
		body.put("status", "Active").put("substatus", "Accepted").put("salesStage", "Develop");
		body.putArray("tags").addObject().put("tag", "priority");

		Response replaced = this.contoso.header("If-Match", read.header("ETag"))
			.put(REFERRALS + "/" + id, body.toString());

		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		JsonNode referral = this.contoso.get(REFERRALS + "/" + id).json();
		assertThat(referral.get("substatus").asString()).isEqualTo("Accepted");
		assertThat(referral.get("salesStage").asString()).isEqualTo("Develop");
		assertThat(referral.at("/tags/0/tag").asString()).isEqualTo("priority");
		assertThat(referral.at("/details/notes")).isEqualTo(body.at("/details/notes"));
		assertThat(replaced.header("ETag")).isEqualTo(referral.get("eTag").asString());
		JsonNode audit = this.contoso.get(REFERRALS + "/" + id + "/audit").json().get("value");
		assertThat(audit.findValuesAsString("action")).containsExactly("received", "attributesChanged", "accepted");
	}

	@Test
	void aFieldTheStageDoesNotLetChangeIsNamed() {
		String received = send();
		String won = send();
		this.contoso.patch(REFERRALS + "/" + won, accept());
		this.contoso.patch(REFERRALS + "/" + won, patch(replace("/substatus", "\"Won\"")));

		assertRefused(received, body -> ((ObjectNode) body.get("details")).put("notes", "before accepting"),
				"details/notes");
		assertRefused(received, body -> ((ObjectNode) body.get("customerProfile")).put("name", "Someone else"),
				"customerProfile/name");
		assertRefused(received, body -> body.put("qualification", "MarketingQualified"), "qualification");
		assertRefused(received, body -> ((ObjectNode) body.get("customerProfile")).putArray("team"),
				"customerProfile/team");
		assertRefused(won, body -> body.put("name", "Renamed after winning"), "name");
		assertRefused(won, body -> body.put("salesStage", "Close"), "salesStage");
		assertRefused(won, body -> body.putArray("team").addObject().put("email", "late@contoso.example"), "team");
	}

	@Test
	void aReplacementNeedsAFreshIfMatch() {
		String id = send();
		Response read = this.contoso.get(REFERRALS + "/" + id);
		this.contoso.patch(REFERRALS + "/" + id, accept());

		Response withoutIfMatch = this.contoso.put(REFERRALS + "/" + id, read.body());
		Response stale = this.contoso.header("If-Match", read.header("ETag")).put(REFERRALS + "/" + id, read.body());

		assertThat(withoutIfMatch.status()).isEqualTo(428);
		assertThat(withoutIfMatch.header("Content-Type")).startsWith("application/problem+json");
		assertThat(withoutIfMatch.errorCode()).isEqualTo("preconditionRequired");
		assertThat(withoutIfMatch.errorTarget()).isEqualTo("If-Match");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.errorCode()).isEqualTo("preconditionFailed");
		assertThat(this.contoso.get(REFERRALS + "/" + id).json().get("substatus").asString()).isEqualTo("Accepted");
	}

	@Test
	void theVendorDoesNotReplaceWhatItSent() {
		String id = send();
		Response read = this.vendor.get(REFERRALS + "/" + id);
		ObjectNode body = (ObjectNode) read.json();
		body.put("salesStage", "Propose");

		Response refused = this.vendor.header("If-Match", read.header("ETag"))
			.put(REFERRALS + "/" + id, body.toString());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.contoso.get(REFERRALS + "/" + id).json().has("salesStage")).isFalse();
	}

	private void assertRefused(String id, java.util.function.Consumer<ObjectNode> change, String target) {
		Response read = this.contoso.get(REFERRALS + "/" + id);
		ObjectNode body = (ObjectNode) read.json();
		change.accept(body);

		Response refused = this.contoso.header("If-Match", read.header("ETag"))
			.put(REFERRALS + "/" + id, body.toString());

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.errorTarget()).as(refused.body()).isEqualTo(target);
		assertThat(this.contoso.get(REFERRALS + "/" + id).json()).isEqualTo(read.json());
	}

	private String send() {
		ObjectNode body = newReferral(this.program.budapest());
		((ObjectNode) body.get("customerProfile")).put("size", "1to9employees");
		Response created = this.vendor.post(REFERRALS, body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

}
