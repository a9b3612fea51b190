package org.leadrelay.referral.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Credentials;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.newReferral;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * Every endpoint and verb, called by an organization on another one's referral: 404 and
 * nothing changed, never 403 (which would tell that the referral exists).
 */
@IntegrationTest
class TenantIsolationIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	Program program;

	ApiClient vendor;

	ApiClient contoso;

	ApiClient fabrikam;

	String contosoReferral;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = ApiClient.as(this.port, this.program.vendorClient());
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
		this.fabrikam = ApiClient.as(this.port, this.program.fabrikamClient());
		this.contosoReferral = this.vendor.post(REFERRALS, newReferral(this.program.budapest()).toString())
			.json()
			.get("id")
			.asString();
	}

	@Test
	void anotherPartnersReferralIsNotFoundByAnyVerb() {
		String before = this.contoso.get(REFERRALS + "/" + this.contosoReferral).body();
		ApiClient otherVendor = ApiClient.as(this.port, this.programs.create().vendorClient());

		for (ApiClient stranger : List.of(this.fabrikam, otherVendor)) {
			assertNotFound(stranger.get(REFERRALS + "/" + this.contosoReferral));
			assertNotFound(stranger.get(REFERRALS + "/" + this.contosoReferral + "/audit"));
			assertNotFound(stranger.patch(REFERRALS + "/" + this.contosoReferral, accept()));
			assertNotFound(stranger.patch(REFERRALS + "/" + this.contosoReferral, patch(replace("/favorite", "true"))));
			assertNotFound(stranger.patch(REFERRALS + "/" + this.contosoReferral,
					patch(replace("/substatus", "\"Declined\""), replace("/statusReason", "\"Spam\""))));
			Response list = stranger.get(REFERRALS, Map.of("$top", "500"));
			assertThat(list.json().get("value").valueStream().map(referral -> referral.get("id").asString()))
				.doesNotContain(this.contosoReferral);
		}

		assertThat(this.contoso.get(REFERRALS + "/" + this.contosoReferral).body()).isEqualTo(before);
	}

	@Test
	void aPartnerSeesOnlyItsOwnOrganizationAndTheVendorItsProgram() {
		Response partnerView = this.fabrikam.get("/v1.0/organizations");
		Response vendorView = this.vendor.get("/v1.0/organizations");

		assertThat(partnerView.json().get("value").valueStream().map(org -> org.get("name").asString()))
			.containsExactly(this.program.fabrikam().name());
		assertThat(partnerView.json().at("/value/0/kind").asString()).isEqualTo("partner");
		assertThat(partnerView.json().at("/value/0/locations/0/city").asString()).isEqualTo("Vienna");
		assertThat(vendorView.json().get("value").valueStream().map(org -> org.get("name").asString()))
			.containsExactlyInAnyOrder(this.program.vendor().name(), this.program.contoso().name(),
					this.program.fabrikam().name());
	}

	@Test
	void requestsWithoutAValidTokenAreUnauthenticated() {
		Response anonymous = ApiClient.anonymous(this.port).get(REFERRALS);
		Response forged = ApiClient.withToken(this.port, "eyJhbGciOiJub25lIn0.eyJvcmciOiJ4In0.").get(REFERRALS);
		Response wrongSecret = ApiClient.anonymous(this.port)
			.tokenRequest(new Credentials(this.program.contosoClient().clientId(), "wrong"));

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.errorCode()).isEqualTo("unauthenticated");
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(wrongSecret.status()).isEqualTo(401);
	}

	private void assertNotFound(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("itemNotFound");
	}

}
