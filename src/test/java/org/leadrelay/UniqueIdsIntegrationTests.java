package org.leadrelay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.Expertise;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.Money;
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
 * Every element id is unique on the main pages of every role: a label tied to an id that
 * occurs twice focuses the wrong field (issue 15: the profile's two {@code id="name"}).
 */
@IntegrationTest
class UniqueIdsIntegrationTests {

	private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	TestProfiles profiles;

	@Autowired
	ReferralManagement management;

	@Test
	void everyIdIsUniqueOnTheMainPagesOfPartnersAndVendors() {
		Program program = this.programs.create();
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:ids", "Northwind CRM", program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Caller partner = new Caller(Caller.Kind.USER, "user:ids", "Anna Kovacs", program.contoso().id(),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		Referral received = this.management.send(vendor, ReferralSpecs.contactRequested(program.budapest()),
				Source.API);
		Referral accepted = this.management.send(vendor, ReferralSpecs.qualified(program.budapest()), Source.API);
		this.management.accept(partner, accepted.id(), DealDetails.of("ERP", Money.of(BigDecimal.TEN, "EUR"),
				Instant.parse("2027-04-30T00:00:00Z"), "Notes", null, null), List.of(), Source.UI, null);
		BusinessProfile profile = this.profiles.listed(program.contoso(), "Contoso Consulting", Expertise.NONE,
				TestProfiles.location("Contoso Szeged", "HU"));

		WebSession partnerAdmin = signedIn(program.contoso(), Role.REFERRALS_ADMIN);
		for (String path : List.of("/leads", "/leads?tab=qualified", "/leads?tab=favorites", "/leads/" + received.id(),
				"/leads/" + received.id() + "/accept", "/leads/" + received.id() + "/decline",
				"/leads/" + accepted.id(), "/leads/" + accepted.id() + "/edit", "/leads/" + accepted.id() + "/team",
				"/leads/" + accepted.id() + "/won", "/leads/" + accepted.id() + "/lost", "/insights", "/users",
				"/webhooks", "/profile", "/profile/" + profile.id(), "/notifications", "/notifications/settings",
				"/marketplace", MarketplacePaths.location(profile.id(), profile.locations().get(0).id()))) {
			assertUniqueIds(partnerAdmin, path);
		}
		WebSession vendorAdmin = signedIn(program.vendor(), Role.VENDOR_ADMIN);
		for (String path : List.of("/leads", "/leads/new", "/leads/imports", "/leads/" + accepted.id(), "/insights",
				"/users", "/sent-mail")) {
			assertUniqueIds(vendorAdmin, path);
		}
	}

	private void assertUniqueIds(WebSession session, String path) {
		Page page = session.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		Matcher id = ID.matcher(page.body());
		while (id.find()) {
			ids.add(id.group(1));
		}
		assertThat(ids).as("ids on " + path).isNotEmpty().doesNotHaveDuplicates();
	}

	private WebSession signedIn(org.leadrelay.partner.Organization organization, Role role) {
		WebSession session = new WebSession(this.port);
		session.signIn(this.users.create(organization, role.name() + " ids", role).email(), TestUsers.PASSWORD);
		return session;
	}

}
