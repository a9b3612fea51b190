package org.leadrelay.referral.api;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.add;
import static org.leadrelay.testing.ReferralRequests.newReferral;
import static org.leadrelay.testing.ReferralRequests.patch;

/**
 * What create, get and list return matches the reference schema field for field, for a
 * referral with every field filled in.
 */
@IntegrationTest
class ReferenceSchemaIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	static final ReferenceSchema schema = ReferenceSchema.load();

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Test
	void createGetAndListSpeakTheReferenceSchema() {
		Program program = this.programs.create();
		ApiClient vendor = ApiClient.as(this.port, program.vendorClient());
		ApiClient contoso = ApiClient.as(this.port, program.contosoClient());
		var body = newReferral(program.budapest()).put("campaignId", "SPRING-26");
		Response created = vendor.post(REFERRALS, body.toString());
		String id = created.json().get("id").asString();
		contoso.patch(REFERRALS + "/" + id, accept());
		contoso.patch(REFERRALS + "/" + id, patch(add("/team/-",
				"{\"firstName\": \"Bence\", \"lastName\": \"Szabó\", \"phoneNumber\": \"+36 1 555 0101\", \"email\": \"bence@contoso.example\"}"),
				add("/externalReferenceId", "\"OPP-1\"")));

		JsonNode fetched = contoso.get(REFERRALS + "/" + id).json();
		JsonNode listed = contoso.get(REFERRALS, Map.of("$count", "true")).json();

		assertThat(schema.violations(created.json())).isEmpty();
		assertThat(schema.violations(fetched)).isEmpty();
		assertThat(listed.get("value")).isNotEmpty();
		listed.get("value").forEach(referral -> assertThat(schema.violations(referral)).isEmpty());
		assertThat(fetched.get("acceptedDateTime")).isNotNull();
		assertThat(fetched.at("/team/0/phoneNumber").asString()).isEqualTo("+36 1 555 0101");
		assertThat(fetched.at("/details/requirements/products/0/id").asString()).isEqualTo("Northwind ERP");
		assertThat(fetched.at("/consent/consentToToShareInfoWithOthers").isBoolean()).isTrue();
	}

	@Test
	void theCheckCatchesAFieldTheReferenceDoesNotHave() {
		JsonNode wrong = JsonMapper.builder()
			.build()
			.readTree("{\"id\": \"1\", \"favourite\": true, \"details\": {\"dealValue\": \"100\"}, \"status\": null}");

		assertThat(schema.violations(wrong)).containsExactlyInAnyOrder("/favourite: not in the reference schema",
				"/details/dealValue: expected a number, got STRING", "/status: null (absent values must be omitted)");
	}

}
