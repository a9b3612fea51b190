package org.leadrelay.notification.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sent-mail view: without an SMTP server (this context has none) the vendor's admins
 * read the mails kept about their own program's referrals, as escaped plain text, page by
 * page; nobody else sees them.
 */
@IntegrationTest
class SentMailPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Autowired
	EventPublications publications;

	@Autowired
	MutableClock clock;

	Program program;

	WebSession vendorAdmin;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendorAdmin = signedIn(this.users.create(this.program.vendor(), "Nadia Admin", Role.VENDOR_ADMIN));
	}

	@Test
	void theVendorAdminReadsTheKeptMailsAsEscapedText() {
		Referral referral = send("<script>alert('mail')</script> Dairy Kft.", this.program.budapest());

		String page = this.vendorAdmin.get("/sent-mail").body();

		assertThat(page).contains("href=\"/sent-mail\"")
			.contains("to leads@contoso.example")
			.contains("Kept, not sent")
			.contains("New lead")
			.contains("/leads/" + referral.id())
			.contains("&lt;script&gt;alert(&#39;mail&#39;)&lt;/script&gt; Dairy Kft.")
			.doesNotContain("<script>alert");
		assertThat(page).as("the plain text body")
			.containsPattern("<pre class=\"sent-mail-text[^>]*>[^<]*/leads/" + referral.id());
		assertThat(this.vendorAdmin.get("/sent-mail?lang=hu").body()).contains("Megőrizve, nem elküldve");
	}

	@Test
	void onlyTheVendorsAdminsSeeItsMails() {
		Referral referral = send("Alpine Dairy Kft.", this.program.vienna());
		Program other = this.programs.create();
		WebSession otherVendorAdmin = signedIn(this.users.create(other.vendor(), "Olga Admin", Role.VENDOR_ADMIN));
		WebSession seller = signedIn(this.users.create(this.program.vendor(), "Sebastian Seller", Role.VENDOR_SELLER));
		WebSession partnerAdmin = signedIn(
				this.users.create(this.program.fabrikam(), "Franz Huber", Role.REFERRALS_ADMIN));

		assertThat(this.vendorAdmin.get("/sent-mail").body()).contains("/leads/" + referral.id());
		assertThat(otherVendorAdmin.get("/sent-mail").body()).doesNotContain(referral.id().toString());
		assertThat(seller.get("/sent-mail").status()).isEqualTo(403);
		assertThat(seller.get("/leads").body()).doesNotContain("href=\"/sent-mail\"");
		assertThat(partnerAdmin.get("/sent-mail").status()).isEqualTo(403);
		assertThat(partnerAdmin.get("/leads").body()).doesNotContain("href=\"/sent-mail\"");
	}

	@Test
	void mailsComeInPagesOfTwentyNewestFirst() {
		List<Referral> referrals = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			referrals.add(send("Customer " + i + " Kft.", this.program.vienna()));
		}

		String first = this.vendorAdmin.get("/sent-mail").body();
		String second = this.vendorAdmin.get("/sent-mail?page=2").body();

		assertThat(first).contains("21 mails").contains("Page 1 of 2").contains("Customer 20 Kft.");
		assertThat(first).doesNotContain("Customer 0 Kft.");
		assertThat(second).contains("Page 2 of 2").contains("Customer 0 Kft.").doesNotContain("Customer 1 Kft.");
	}

	private Referral send(String customer, Location location) {
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:" + this.program.vendorClient().clientId(),
				"Vendor CRM", this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		NewReferral lead = new NewReferral(location.id(), Qualification.SalesQualified, ReferralType.Independent, null,
				null, new Customer(customer, Address.of(null, null, "Debrecen", null, null, "HU"), null, List.of()),
				new Consent(true, false), new Requirements(List.of(), List.of(), List.of(), List.of()), "Needs an ERP",
				Money.of(new BigDecimal("25000"), "EUR"), null, false, null);
		Referral referral = this.management.send(vendor, lead, Source.API);
		this.publications.awaitCompleted(referral.id());
		return referral;
	}

	private WebSession signedIn(TestUser user) {
		WebSession session = new WebSession(this.port);
		session.signIn(user.email(), TestUsers.PASSWORD);
		return session;
	}

}
