package org.leadrelay.referral.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Email;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead pages' forms over plain HTTP, where a browser test would be slow to reach the
 * case: two people answering at once, input that is not even a number, customer text that
 * looks like HTML, and a heart that must only ever return to the workspace.
 */
@IntegrationTest
class LeadPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	Program program;

	Caller vendor;

	WebSession browser;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = new Caller(Caller.Kind.API_CLIENT, "client:northwind", "Northwind CRM",
				this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		this.browser = new WebSession(this.port);
		this.browser.signIn(this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_ADMIN).email(),
				TestUsers.PASSWORD);
	}

	@Test
	void aLeadSomeoneElseAcceptedMeanwhileComesBackWithWhoDidItAndItsCurrentState() {
		Referral lead = this.management.send(this.vendor, ReferralSpecs.qualified(this.program.budapest()), Source.API);
		TestUser anna = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
		this.browser.get("/leads/" + lead.id() + "/accept");

		this.management.accept(
				new Caller(Caller.Kind.USER, anna.principalId(), anna.name(), this.program.contoso().id(),
						OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN)),
				lead.id(), DealDetails.of("Anna's deal", Money.of(BigDecimal.TEN, "EUR"),
						Instant.parse("2027-01-01T00:00:00Z"), "Notes", null, null),
				List.of(), Source.UI, null);
		Page late = this.browser.post("/leads/" + lead.id() + "/accept", accept(lead.version(), "Bence's deal"));

		assertThat(late.status()).isEqualTo(409);
		assertThat(late.body()).contains("This lead was changed by Anna Kovacs")
			.contains("Anna&#39;s deal")
			.doesNotContain("Bence&#39;s deal");
	}

	@Test
	void aHungarianReaderSeesTheCustomersAndTheTeamsNamesFamilyNameFirst() {
		NewReferral spec = ReferralSpecs.qualified(this.program.budapest());
		Referral inquiry = this.management
			.receiveInquiry(new NewReferral(spec.target(), Qualification.Direct, spec.type(), null, null,
					new Customer("Tisza Pékség Kft.", spec.customer().address(), null,
							List.of(new TeamMember("Tom", "Becker", null, new Email("tom.becker@example.com")))),
					spec.consent(), spec.requirements(), "A till system for three shops", null, null, true, null));
		Caller partner = new Caller(Caller.Kind.API_CLIENT, "client:contoso", "Contoso CRM",
				this.program.contoso().id(), OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		this.management.accept(partner, inquiry.id(),
				DealDetails.of("Tills", Money.of(new BigDecimal("4000000"), "HUF"),
						Instant.parse("2027-01-01T00:00:00Z"), "Visit in January", null, null),
				List.of(new TeamMember("Eszter", "Nagy", null, new Email("eszter@example.com"))), Source.API, null);
		this.management.addTeamMember(partner, inquiry.id(),
				new TeamMember("Júlia", "Tóth", "+36 1 555 0100", new Email("julia@example.com")), Source.API, null);

		String english = this.browser.get("/leads/" + inquiry.id() + "?lang=en").body();
		String hungarian = this.browser.get("/leads/" + inquiry.id() + "?lang=hu").body();
		this.browser.get("/leads/" + inquiry.id() + "?lang=en");

		assertThat(english).contains("Tom Becker (customer)", "Eszter Nagy", "Júlia Tóth")
			.doesNotContain("Becker Tom", "Nagy Eszter", "Tóth Júlia");
		// the sender, the timeline's actor, the contact added on accepting, the deal team
		// and its change: all family name first
		assertThat(hungarian.split("Becker Tom \\(ügyfél\\)", -1)).hasSize(3);
		assertThat(hungarian.split("Nagy Eszter", -1)).hasSize(3);
		assertThat(hungarian.split("Tóth Júlia", -1)).hasSize(3);
		assertThat(hungarian).doesNotContain("Tom Becker", "Eszter Nagy", "Júlia Tóth");

		// and the forms ask for the family name first in Hungarian
		String hungarianForm = this.browser.get("/leads/" + inquiry.id() + "/team?lang=hu").body();
		String englishForm = this.browser.get("/leads/" + inquiry.id() + "/team?lang=en").body();
		assertThat(hungarianForm.indexOf("id=\"lastName\"")).isPositive()
			.isLessThan(hungarianForm.indexOf("id=\"firstName\""));
		assertThat(englishForm.indexOf("id=\"firstName\"")).isPositive()
			.isLessThan(englishForm.indexOf("id=\"lastName\""));
	}

	@Test
	void inputThatIsNotANumberOrADateIsShownBackWithItsErrors() {
		Referral lead = this.management.send(this.vendor, ReferralSpecs.qualified(this.program.budapest()), Source.API);
		this.browser.get("/leads/" + lead.id() + "/accept");
		Map<String, String> form = new HashMap<>(accept(lead.version(), "Alpine ERP"));
		form.put("deal.value", "thirty thousand");
		form.put("deal.purchaseDate", "next spring");

		Page refused = this.browser.post("/leads/" + lead.id() + "/accept", form);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Enter a number")
			.contains("Enter a date")
			.contains("value=\"next spring\"")
			.contains("value=\"Alpine ERP\"");
	}

	@Test
	void customerTextIsShownAsTextNeverAsMarkup() {
		NewReferral spec = ReferralSpecs.qualified(this.program.budapest());
		Referral lead = this.management.send(this.vendor,
				new NewReferral(spec.target(), Qualification.SalesQualified, ReferralType.Independent, "<b>deal</b>",
						null,
						new Customer("<script>alert('x')</script>", Address.of(null, null, null, null, null, "HU"),
								null, List.of()),
						new Consent(true, false), Requirements.NONE, "<img src=x onerror=alert(1)>", null, null, false,
						null),
				Source.API);

		String list = this.browser.get("/leads?tab=qualified").body();
		String page = this.browser.get("/leads/" + lead.id()).body();

		assertThat(list).contains("&lt;script&gt;").doesNotContain("<script>alert");
		assertThat(page).contains("&lt;img src=x").doesNotContain("<img src=x").doesNotContain("<b>deal</b>");
	}

	@Test
	void theHeartWithoutJavaScriptReturnsOnlyToWorkspacePages() {
		Referral lead = this.management.send(this.vendor, ReferralSpecs.qualified(this.program.budapest()), Source.API);
		this.browser.get("/leads");

		Page elsewhere = this.browser.post("/leads/" + lead.id() + "/favorite",
				Map.of("favorite", "true", "returnTo", "https://evil.example/leads"));
		Page back = this.browser.post("/leads/" + lead.id() + "/favorite",
				Map.of("favorite", "false", "returnTo", "/leads?tab=favorites"));

		assertThat(elsewhere.location()).endsWith("/leads").doesNotContain("evil");
		assertThat(back.location()).endsWith("/leads?tab=favorites");
		assertThat(this.browser.get("/leads?tab=favorites").body()).contains("No leads here");
	}

	@Test
	void theListSearchesFiltersByStageSortsAndPages() {
		for (int i = 0; i < 21; i++) {
			this.management.send(this.vendor, ReferralSpecs.qualified(this.program.budapest()), Source.API);
		}
		// the newest one, so that it leads the first page
		this.clock.advance(Duration.ofSeconds(1));
		NewReferral spec = ReferralSpecs.qualified(this.program.budapest());
		Referral named = this.management.send(this.vendor,
				new NewReferral(spec.target(), spec.qualification(), spec.type(), "Warehouse robots", null,
						new Customer("Győr Logistics", spec.customer().address(), null, List.of()), spec.consent(),
						spec.requirements(), spec.notes(), Money.of(new BigDecimal("900000"), "EUR"), null, false,
						null),
				Source.API);

		String firstPage = this.browser.get("/leads?tab=qualified").body();
		String secondPage = this.browser.get("/leads?tab=qualified&page=2").body();
		String byDealName = this.browser.get("/leads?tab=qualified&q=warehouse+ROBOTS").body();
		String byValue = this.browser.get("/leads?tab=qualified&sort=value").body();
		String accepted = this.browser.get("/leads?tab=qualified&stage=accepted").body();
		String marketplace = this.browser.get("/leads?tab=marketplace").body();

		assertThat(firstPage).contains("22 leads").contains("Page 1 of 2").contains("Győr Logistics");
		assertThat(secondPage).contains("Page 2 of 2").doesNotContain("Győr Logistics");
		assertThat(byDealName).contains("1 lead").contains("/leads/" + named.id());
		assertThat(byValue.indexOf("Győr Logistics")).isLessThan(byValue.indexOf("Alpine Dairy"));
		assertThat(accepted).contains("No leads").contains("Choose another stage");
		assertThat(marketplace).contains("Customer inquiries from your marketplace profile land here");
	}

	private static Map<String, String> accept(int version, String dealName) {
		return Map.of("deal.version", String.valueOf(version), "deal.name", dealName, "deal.value", "30000",
				"deal.currency", "EUR", "deal.purchaseDate", "2027-04-30", "deal.notes", "Three warehouses");
	}

}
