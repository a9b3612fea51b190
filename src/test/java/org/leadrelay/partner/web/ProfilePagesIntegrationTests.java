package org.leadrelay.partner.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business profile pages over plain HTTP: who may open them, another organization's
 * profile not found, refused changes shown back as typed, and locations that move by
 * being removed and added anew while their leads stay.
 */
@IntegrationTest
class ProfilePagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestProfiles profiles;

	@Autowired
	TestUsers users;

	@Autowired
	BusinessProfiles businessProfiles;

	@Autowired
	ReferralManagement management;

	Program program;

	BusinessProfile profile;

	String page;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.PRODUCT, "Northwind ERP", "Northwind CRM");
		this.profile = this.profiles.listed(this.program.contoso(), "Contoso Consulting",
				new Expertise(List.of(), List.of("Northwind ERP"), List.of(), List.of("Inventory management")),
				TestProfiles.location("Contoso Szeged", "HU"));
		this.page = "/profile/" + this.profile.id();
	}

	@Test
	void profileAdminsAndReferralsAdminsKeepTheirOwnProfilesOnly() {
		WebSession profileAdmin = signedIn(this.program.contoso(), Role.BUSINESS_PROFILE_ADMIN);
		assertThat(profileAdmin.get("/profile").body()).contains("Contoso Consulting");
		assertThat(profileAdmin.get(this.page).status()).isEqualTo(200);
		assertThat(signedIn(this.program.contoso(), Role.REFERRALS_USER).get("/profile").status())
			.as("a Referrals user works on leads, not on the profile")
			.isEqualTo(403);

		WebSession fabrikam = signedIn(this.program.fabrikam(), Role.REFERRALS_ADMIN);
		assertThat(fabrikam.get("/profile").body()).doesNotContain("Contoso Consulting");
		assertThat(fabrikam.get(this.page).status()).isEqualTo(404);
		assertThat(fabrikam.post(this.page, details(this.profile.version(), "Taken over")).status()).isEqualTo(404);
		assertThat(fabrikam.post(this.page + "/locations/" + this.profile.locations().get(0).id() + "/remove", Map.of())
			.status()).isEqualTo(404);
		assertThat(fabrikam.get("/profile/not-a-profile").status()).isEqualTo(404);

		BusinessProfile unchanged = this.businessProfiles.get(TestProfiles.admin(this.program.contoso().id()),
				this.profile.id());
		assertThat(unchanged.details().name()).isEqualTo("Contoso Consulting");
		assertThat(unchanged.locations()).hasSize(2);
	}

	@Test
	void refusedChangesComeBackAsTypedWithTheirReasons() {
		WebSession admin = signedIn(this.program.contoso(), Role.REFERRALS_ADMIN);
		admin.get(this.page);
		Map<String, String> tooLong = details(this.profile.version(), "Contoso Renamed");
		tooLong.put("description", "d".repeat(2501));
		tooLong.remove("customerSizes");

		Page refused = admin.post(this.page, tooLong);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Use at most 2,500 characters.", "Choose at least one.",
				"value=\"Contoso Renamed\"");

		Page stale = admin.post(this.page, details(this.profile.version() - 1, "Contoso Renamed"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("Someone else changed this profile").contains("value=\"Contoso Consulting\"");

		Page saved = admin.post(this.page, details(this.profile.version(), "Contoso Renamed"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(admin.get(this.page).body()).contains("Profile saved", "value=\"Contoso Renamed\"");
	}

	@Test
	void aLocationMovesByBeingRemovedAndAddedAnewAndItsLeadsStay() {
		Location szeged = this.profile.locations()
			.stream()
			.filter(location -> location.name().equals("Contoso Szeged"))
			.findFirst()
			.orElseThrow();
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:profile-pages", "Vendor CRM",
				this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Referral lead = this.management.send(vendor, ReferralSpecs.qualified(szeged), Source.API);
		WebSession admin = signedIn(this.program.contoso(), Role.REFERRALS_ADMIN);
		admin.get(this.page);

		assertThat(admin.post(this.page + "/locations/" + szeged.id() + "/remove", Map.of()).status()).isEqualTo(302);

		assertThat(admin.get(this.page).body()).contains("Location removed. Its leads stay in your list.")
			.doesNotContain("Contoso Szeged");
		assertThat(admin.get("/leads/" + lead.id()).body()).as("the removed location's lead").contains("ERP rollout");
		assertThat(new WebSession(this.port).get(MarketplacePaths.location(this.profile.id(), szeged.id())).status())
			.isEqualTo(404);

		Page elsewhere = admin.post(this.page + "/locations", location("Contoso Seattle", "Seattle", "US"));
		assertThat(elsewhere.status()).as("a US location belongs to another region's profile").isEqualTo(422);
		assertThat(elsewhere.body()).contains("value=\"Seattle\"");
		for (String city : List.of("Szeged", "Debrecen", "Győr", "Pécs")) {
			assertThat(admin.post(this.page + "/locations", location("Contoso " + city, city, "HU")).status())
				.isEqualTo(302);
		}
		Page full = admin.get(this.page);
		assertThat(full.body())
			.contains("Locations (5 of 5)", "A profile has at most 5 locations.", "1000 Győr, Fő utca 1, Hungary")
			.doesNotContain("Add location");
		Page sixth = admin.post(this.page + "/locations", location("Contoso Miskolc", "Miskolc", "HU"));
		assertThat(sixth.status()).isEqualTo(422);
		assertThat(sixth.body()).contains("A profile has at most 5 locations.");
		assertThat(this.businessProfiles.get(TestProfiles.admin(this.program.contoso().id()), this.profile.id())
			.locations()).hasSize(5);
	}

	private WebSession signedIn(Organization organization, Role role) {
		WebSession session = new WebSession(this.port);
		session.signIn(this.users.create(organization, role.name() + " user", role).email(), TestUsers.PASSWORD);
		return session;
	}

	private static Map<String, String> details(int version, String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", String.valueOf(version));
		form.put("name", name);
		form.put("description", "ERP for manufacturers");
		form.put("products", "Northwind ERP");
		form.put("solutions", "Inventory management");
		form.put("customerSizes", "10to50employees");
		return form;
	}

	private static Map<String, String> location(String name, String city, String country) {
		return Map.of("name", name, "addressLine", "Fő utca 1", "postalCode", "1000", "city", city, "country", country,
				"phone", "+36 1 555 0100", "alertEmails", "leads@contoso.example");
	}

}
