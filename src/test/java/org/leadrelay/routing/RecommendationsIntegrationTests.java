package org.leadrelay.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.ProfileDetails;
import org.leadrelay.partner.Region;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Recommendations on a seeded history: Contoso (Budapest) and Fabrikam (Vienna) both list
 * Retail and Manufacturing; Contoso declined three Retail leads, Fabrikam accepted three
 * and won one. For a Retail customer in Hungary, Fabrikam's history outweighs Contoso's
 * being in the customer's country; for Manufacturing, which neither declined, Contoso
 * leads.
 */
@IntegrationTest
class RecommendationsIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	TestProfiles testProfiles;

	@Autowired
	BusinessProfiles profiles;

	@Autowired
	ReferralManagement management;

	@Autowired
	ResponsivenessRefresh responsiveness;

	@Autowired
	Recommendations recommendations;

	@Autowired
	MutableClock clock;

	@Autowired
	TestUsers users;

	@LocalServerPort
	int port;

	Program program;

	Caller vendor;

	@BeforeEach
	void seedHistory() {
		this.program = this.programs.create();
		this.vendor = new Caller(Caller.Kind.API_CLIENT, "client:vendor", "Vendor CRM", this.program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		this.testProfiles.catalogue(this.program.vendor(), CatalogueKind.INDUSTRY, "Retail", "Manufacturing");
		this.testProfiles.catalogue(this.program.vendor(), CatalogueKind.PRODUCT, "Dynamics 365");
		profile(this.program.contoso(), CompanySize.current());
		profile(this.program.fabrikam(), EnumSet.of(CompanySize.EMPLOYEES_1_TO_9, CompanySize.EMPLOYEES_10_TO_50));
		// another program's partners are never candidates
		this.programs.create();

		Caller contoso = TestProfiles.admin(this.program.contoso().id());
		Caller fabrikam = TestProfiles.admin(this.program.fabrikam().id());
		List<Referral> toContoso = List.of(retail(this.program.budapest()), retail(this.program.budapest()),
				retail(this.program.budapest()));
		List<Referral> toFabrikam = List.of(retail(this.program.vienna()), retail(this.program.vienna()),
				retail(this.program.vienna()));
		this.clock.advance(Duration.ofHours(2));
		toContoso
			.forEach(lead -> this.management.decline(contoso, lead.id(), "NotOurExpertise", null, Source.API, null));
		toFabrikam.forEach(
				lead -> this.management.accept(fabrikam, lead.id(),
						DealDetails.of("Store rollout", Money.of(new BigDecimal("20000"), "EUR"),
								Instant.parse("2027-06-01T00:00:00Z"), "Notes", null, null),
						List.of(), Source.API, null));
		this.management.markWon(fabrikam, toFabrikam.get(0).id(), Source.API, null);
		this.responsiveness.run();
	}

	@Test
	void aPartnerThatDeclinedRetailLeadsRanksBelowOneThatAcceptedThem() {
		List<Recommendation> ranked = this.recommendations.recommend(this.vendor,
				new RecommendationQuery(List.of("Retail"), List.of(), List.of(), "HU", null));

		assertThat(ranked).extracting(Recommendation::locationId)
			.containsExactly(this.program.vienna().id(), this.program.budapest().id());
		assertThat(ranked.get(0).explanation()).isEqualTo("matches Retail; in the same region as Hungary; "
				+ "answers leads in 2 h on median; accepted 3 similar leads, declined 0, won 1");
		assertThat(ranked.get(1).explanation()).isEqualTo("matches Retail; located in Hungary; "
				+ "answers leads in 2 h on median; accepted 0 similar leads, declined 3");
		assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
	}

	@Test
	void withoutHistoryForTheKindOfLeadCountryAndSizeDecide() {
		List<Recommendation> ranked = this.recommendations.recommend(this.vendor, new RecommendationQuery(
				List.of("Manufacturing"), List.of("Dynamics 365"), List.of(), "HU", CompanySize.EMPLOYEES_51_TO_250));

		assertThat(ranked).extracting(Recommendation::locationId)
			.containsExactly(this.program.budapest().id(), this.program.vienna().id());
		assertThat(ranked.get(0).explanation())
			.startsWith("matches Manufacturing and Dynamics 365; located in Hungary; "
					+ "serves customers of 51–250 employees");
		assertThat(ranked.get(1).explanation()).contains("does not serve customers of 51–250 employees");
	}

	@Test
	void vendorClientsGetThemOverTheApiAndPartnersAreRefused() {
		ApiClient.Response response = ApiClient.as(this.port, this.program.vendorClient())
			.get("/v1.0/routing/recommendations", Map.of("industries", "Retail", "country", "HU"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("value")).hasSize(2);
		assertThat(response.json().get("value").get(0).get("locationId").asString())
			.isEqualTo(this.program.vienna().id().value().toString());
		assertThat(response.json().get("value").get(0).get("explanation").asString()).startsWith("matches Retail");
		assertThat(ApiClient.as(this.port, this.program.vendorClient())
			.get("/v1.0/routing/recommendations", Map.of("size", "huge"))
			.status()).isEqualTo(400);
		assertThat(ApiClient.as(this.port, this.program.contosoClient())
			.get("/v1.0/routing/recommendations", Map.of("industries", "Retail"))
			.status()).isEqualTo(403);
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> this.recommendations.recommend(TestProfiles.admin(this.program.contoso().id()),
					new RecommendationQuery(List.of(), List.of(), List.of(), null, null)));
	}

	@Test
	void theNewLeadFormListsThemForVendorStaffOnly() {
		TestUser seller = this.users.create(this.program.vendor(), "Sebastian Seller", Role.VENDOR_SELLER);
		WebSession browser = new WebSession(this.port);
		browser.signIn(seller.email(), TestUsers.PASSWORD);

		assertThat(browser.get("/leads/new").body()).contains("hx-get=\"/leads/new/recommendations\"");
		String fragment = browser.get("/leads/new/recommendations?industries=Retail&country=HU&size=").body();
		assertThat(fragment).contains("matches Retail; in the same region as Hungary")
			.contains("Send to this location");
		assertThat(fragment.indexOf(this.program.vienna().id().value().toString()))
			.isLessThan(fragment.indexOf(this.program.budapest().id().value().toString()));

		TestUser partnerAdmin = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
		WebSession partner = new WebSession(this.port);
		partner.signIn(partnerAdmin.email(), TestUsers.PASSWORD);
		assertThat(partner.get("/leads/new/recommendations?industries=Retail").status()).isEqualTo(403);
	}

	private void profile(Organization partner, Set<CompanySize> sizes) {
		this.profiles
			.create(TestProfiles.admin(partner.id()), Region.EMEA, new ProfileDetails(partner.name(), null, null, null,
					new Expertise(List.of("Retail", "Manufacturing"), List.of("Dynamics 365"), List.of(), List.of()),
					sizes));
	}

	private Referral retail(Location location) {
		NewReferral spec = ReferralSpecs.qualified(location);
		return this.management.send(this.vendor,
				new NewReferral(spec.target(), spec.qualification(), spec.type(), spec.name(), spec.campaignId(),
						spec.customer(), spec.consent(),
						new Requirements(List.of("Retail"), List.of(), List.of(), List.of()), spec.notes(),
						spec.estimatedValue(), spec.closingAt(), spec.contactRequested(), spec.inviteNotes()),
				Source.API);
	}

}
