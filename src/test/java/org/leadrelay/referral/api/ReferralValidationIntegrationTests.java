package org.leadrelay.referral.api;

import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.newReferral;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * Bad input answers 400 with the field at fault named, and changes nothing.
 */
@IntegrationTest
class ReferralValidationIntegrationTests {

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
	void createRefusesBadInputNamingTheField() {
		assertRefused(body -> body.put("surprise", 1), "surprise");
		assertRefused(body -> ((ObjectNode) body.get("details")).put("color", "red"), "details/color");
		assertRefused(body -> ((ObjectNode) body.get("details")).put("dealValue", "lots"), "details/dealValue");
		assertRefused(body -> body.put("name", 123), "name");
		assertRefused(body -> ((ObjectNode) body.get("consent")).put("consentToContact", "yes"),
				"consent/consentToContact");
		assertRefused(body -> body.put("qualification", "Hot"), "qualification");
		assertRefused(body -> body.put("qualification", "Direct"), "qualification");
		assertRefused(body -> body.remove("qualification"), "qualification");
		assertRefused(body -> ((ObjectNode) body.get("details")).put("notes", "x".repeat(10_001)), "details/notes");
		assertRefused(body -> ((ObjectNode) body.get("details")).put("dealValue", -5), "details/dealValue");
		assertRefused(body -> ((ObjectNode) body.get("details")).put("currency", "XYZ"), "details/currency");
		assertRefused(body -> ((ObjectNode) body.get("details")).remove("currency"), "details/currency");
		assertRefused(body -> ((ObjectNode) body.get("details")).put("closingDateTime", "next spring"),
				"details/closingDateTime");
		assertRefused(body -> body.remove("customerProfile"), "customerProfile");
		assertRefused(body -> ((ObjectNode) body.get("customerProfile")).put("name", " "), "customerProfile/name");
		assertRefused(body -> ((ObjectNode) body.get("customerProfile")).put("size", "huge"), "customerProfile/size");
		assertRefused(body -> ((ObjectNode) body.at("/customerProfile/address")).put("country", "Hungary"),
				"customerProfile/address/country");
		assertRefused(body -> ((ObjectNode) body.at("/customerProfile/team/0")).put("email", "not-an-email"),
				"customerProfile/team/0/email");
		assertRefused(body -> ((ObjectNode) body.at("/target/0")).put("id", "00000000-0000-0000-0000-000000000000"),
				"target");
		assertRefused(body -> body.putArray("target"), "target");
		assertRefused(body -> body.putArray("target").addNull(), "target/0");
		assertRefused(body -> body.putArray("team").addNull(), "team/0");
		assertRefused(body -> ((ObjectNode) body.get("customerProfile")).putArray("team").addNull(),
				"customerProfile/team/0");
		assertRefused(
				body -> ((ObjectNode) body.get("details")).putObject("requirements").putArray("industries").addNull(),
				"details/requirements/industries/0");
		assertRefused(
				body -> ((ObjectNode) body.get("details")).putObject("requirements").putArray("solutions").addNull(),
				"details/requirements/solutions/0");

		Response malformed = this.vendor.post(REFERRALS, "{\"name\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.errorCode()).isEqualTo("invalidRequest");
		assertThat(count()).isZero();
	}

	@Test
	void aLocationOfAnotherProgramIsNotATarget() {
		Program other = this.programs.create();
		ObjectNode body = newReferral(other.budapest());

		Response refused = this.vendor.post(REFERRALS, body.toString());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorTarget()).isEqualTo("target");
		assertThat(count()).isZero();
	}

	@Test
	void patchRefusesBadInputNamingThePath() {
		String id = this.vendor.post(REFERRALS, newReferral(this.program.budapest()).toString())
			.json()
			.get("id")
			.asString();
		this.contoso.patch(REFERRALS + "/" + id, accept());
		String before = this.contoso.get(REFERRALS + "/" + id).body();

		assertPatchRefused(id, "{\"op\": \"replace\"}", "body");
		assertPatchRefused(id, patch("{\"op\": \"remove\", \"path\": \"/name\"}"), "name");
		assertPatchRefused(id, patch("{\"op\": \"replace\", \"path\": \"/id\", \"value\": \"x\"}"), "id");
		assertPatchRefused(id, patch("{\"op\": \"replace\", \"path\": \"/name\"}"), "name");
		assertPatchRefused(id, patch(replace("/details/dealValue", "\"1000\"")), "details/dealValue");
		assertPatchRefused(id, patch(replace("/details/dealValue", "-1")), "details/dealValue");
		// too large for a double: read as infinite, which is no decimal
		assertPatchRefused(id, patch(replace("/details/dealValue", "1e131072")), "details/dealValue");
		assertPatchRefused(id, patch(replace("/details/currency", "\"ABC\"")), "details/currency");
		assertPatchRefused(id, patch(replace("/details/notes", "\"" + "x".repeat(10_001) + "\"")), "details/notes");
		assertPatchRefused(id, patch(replace("/details/notes", "null")), "details/notes");
		assertPatchRefused(id, patch(replace("/details/closingDateTime", "\"soon\"")), "details/closingDateTime");
		assertPatchRefused(id, patch(replace("/favorite", "\"yes\"")), "favorite");
		assertPatchRefused(id, patch(replace("/team", "[{\"email\": \"bad\"}]")), "team/0/email");
		assertPatchRefused(id, patch(replace("/team", "[{\"email\": \"a@b.example\", \"role\": \"boss\"}]")),
				"team/0/role");
		assertPatchRefused(id, patch(replace("/substatus", "\"Finished\"")), "substatus");
		assertPatchRefused(id, patch(replace("/name", "\"ok\""), replace("/statusReason", "\"Price\"")),
				"statusReason");

		assertThat(this.contoso.get(REFERRALS + "/" + id).body()).isEqualTo(before);
	}

	@Test
	void anUnknownReferralIdIsNotFound() {
		Response malformed = this.contoso.get(REFERRALS + "/not-a-uuid");
		Response unknown = this.contoso.get(REFERRALS + "/01234567-89ab-7def-8123-456789abcdef");

		assertThat(malformed.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.errorCode()).isEqualTo("itemNotFound");
	}

	private void assertRefused(Consumer<ObjectNode> change, String target) {
		ObjectNode body = newReferral(this.program.budapest());
		change.accept(body);
		Response refused = this.vendor.post(REFERRALS, body.toString());
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.errorCode()).isEqualTo("invalidRequest");
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("status").asInt()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).isNotBlank();
		assertThat(refused.errorTarget()).as(refused.body()).isEqualTo(target);
	}

	private void assertPatchRefused(String id, String patch, String target) {
		Response refused = this.contoso.patch(REFERRALS + "/" + id, patch);
		assertThat(refused.status()).as(patch + " -> " + refused.body()).isEqualTo(400);
		assertThat(refused.errorTarget()).as(refused.body()).isEqualTo(target);
	}

	private long count() {
		return this.vendor.get(REFERRALS, Map.of("$count", "true")).json().get("@odata.count").asLong();
	}

}
