package org.leadrelay.shared;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.newReferral;
import static org.leadrelay.testing.TestProfiles.location;

/**
 * Customer sizes end to end, as the Referrals API spells them: every value, current or
 * older band, comes back as sent; profiles serve current bands; the marketplace finds the
 * partners whose bands overlap an older one; the UI labels every value.
 */
@IntegrationTest
class CompanySizeIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestProfiles profiles;

	@Autowired
	TestUsers users;

	Program program;

	ApiClient vendor;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = ApiClient.as(this.port, this.program.vendorClient());
	}

	@Test
	void everySizeOfTheApiRoundTripsThroughCreateAndGet() {
		for (CompanySize size : CompanySize.values()) {
			ObjectNode body = newReferral(this.program.budapest());
			((ObjectNode) body.get("customerProfile")).put("size", size.code());

			Response created = this.vendor.post(REFERRALS, body.toString());

			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat(created.json().at("/customerProfile/size").asString()).isEqualTo(size.code());
			Response read = this.vendor.get(REFERRALS + "/" + created.json().get("id").asString());
			assertThat(read.json().at("/customerProfile/size").asString()).as(size.code()).isEqualTo(size.code());
		}
	}

	@Test
	void leadRelaysFormerBandsAreNoLongerSizes() {
		ObjectNode body = newReferral(this.program.budapest());
		((ObjectNode) body.get("customerProfile")).put("size", "10to49employees");

		Response refused = this.vendor.post(REFERRALS, body.toString());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorTarget()).isEqualTo("customerProfile/size");
		assertThat(refused.body()).contains("10to50employees", "Morethan500employees");
	}

	@Test
	void aProfileServesCurrentBandsOnly() {
		ApiClient contoso = ApiClient.as(this.port, this.program.contosoClient());

		Response older = contoso.post("/v1.0/profiles",
				"{\"region\": \"EMEA\", \"name\": \"Contoso\", \"customerSizes\": [\"51to500employees\"]}");
		assertThat(older.status()).isEqualTo(400);
		assertThat(older.errorTarget()).isEqualTo("customerSizes");
		assertThat(older.body()).contains("51to250employees");

		Response created = contoso.post("/v1.0/profiles",
				"{\"region\": \"EMEA\", \"name\": \"Contoso\", \"customerSizes\": [\"251to1000employees\"]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("customerSizes").get(0).asString()).isEqualTo("251to1000employees");
		Response everySize = ApiClient.as(this.port, this.program.fabrikamClient())
			.post("/v1.0/profiles", "{\"region\": \"EMEA\", \"name\": \"Fabrikam\"}");
		assertThat(everySize.json().get("customerSizes").valueStream().map(code -> code.asString()))
			.as("a new profile serves every current band")
			.containsExactlyElementsOf(CompanySize.current().stream().map(CompanySize::code).toList());
	}

	@Test
	void theMarketplacePageFiltersByAnOlderBandThroughItsOverlap() {
		String word = TestProfiles.letters();
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.INDUSTRY, "Retail");
		this.profiles.listed(this.program.contoso(), "Contoso " + word,
				new Expertise(List.of("Retail"), List.of(), List.of(), List.of(word)),
				Set.of(CompanySize.EMPLOYEES_251_TO_1000), location("Contoso", "HU"));
		WebSession visitor = new WebSession(this.port);

		Page olderBand = visitor.get("/marketplace?q=" + word + "&size=51to500employees");
		assertThat(olderBand.status()).isEqualTo(200);
		assertThat(olderBand.body()).contains("Contoso " + word)
			.as("the form shows the band searched for")
			.contains("<option value=\"51to500employees\" selected=\"selected\">51–500 employees</option>");
		assertThat(visitor.get("/marketplace?q=" + word + "&size=1to50employees").body())
			.doesNotContain("Contoso " + word);
		assertThat(visitor.get("/marketplace?q=" + word + "&size=251to1000employees").body())
			.contains("Contoso " + word);
	}

	@Test
	void recommendationsFitAnOlderBandToTheProfilesWhoseBandsOverlapIt() {
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.INDUSTRY, "Retail");
		Expertise retail = new Expertise(List.of("Retail"), List.of(), List.of(), List.of());
		this.profiles.listed(this.program.contoso(), "Contoso", retail, Set.of(CompanySize.EMPLOYEES_251_TO_1000),
				location("Contoso", "HU"));
		this.profiles.listed(this.program.fabrikam(), "Fabrikam", retail, Set.of(CompanySize.EMPLOYEES_1_TO_9),
				location("Fabrikam", "AT"));

		Response ranked = this.vendor.get("/v1.0/routing/recommendations",
				Map.of("industries", "Retail", "size", "51to500employees"));

		assertThat(ranked.status()).as(ranked.body()).isEqualTo(200);
		assertThat(ranked.json().get("value").valueStream())
			.filteredOn(location -> location.get("partnerName").asString().equals(this.program.contoso().name()))
			.isNotEmpty()
			.allSatisfy(location -> assertThat(location.get("explanation").asString())
				.contains("; serves customers of 51–500 employees"));
		assertThat(ranked.json().get("value").valueStream())
			.filteredOn(location -> location.get("partnerName").asString().equals(this.program.fabrikam().name()))
			.isNotEmpty()
			.allSatisfy(location -> assertThat(location.get("explanation").asString())
				.contains("does not serve customers of 51–500 employees"));
	}

	@Test
	void theLeadPageLabelsAnOlderBandInBothLanguages() {
		ObjectNode body = newReferral(this.program.budapest());
		((ObjectNode) body.get("customerProfile")).put("size", "Morethan500employees");
		String id = this.vendor.post(REFERRALS, body.toString()).json().get("id").asString();
		TestUser admin = this.users.create(this.program.contoso(), "Anna Admin", Role.REFERRALS_ADMIN);
		WebSession session = new WebSession(this.port);
		session.signIn(admin.email(), TestUsers.PASSWORD);

		assertThat(session.get("/leads/" + id).body()).contains("More than 500 employees");
		assertThat(session.get("/leads/" + id + "?lang=hu").body()).contains("Több mint 500 alkalmazott");
	}

}
