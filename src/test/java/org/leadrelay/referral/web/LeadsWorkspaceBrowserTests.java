package org.leadrelay.referral.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.ExpirySweep;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.BrowserSession.clickButton;
import static org.leadrelay.testing.BrowserSession.suffix;

/**
 * The seed's story in a real browser (Debian's Chromium): partners receive leads, mark
 * favorites, accept, edit, add to the deal team, win, decline, and find expired leads
 * read-only; vendor staff send leads; the UI speaks Hungarian, fits a phone and never
 * shows another organization's lead.
 */
@IntegrationTest
class LeadsWorkspaceBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralProperties properties;

	@Autowired
	ExpirySweep expirySweep;

	@Autowired
	MutableClock clock;

	Program program;

	Caller vendor;

	Page page;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = new Caller(Caller.Kind.API_CLIENT, "client:northwind", "Maria Marketing",
				this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		this.page = browser.newPage();
	}

	@Test
	void aPartnerWorksALeadFromReceivedToWon() {
		send("Rainier Health " + suffix(), this.program.budapest(), false);
		send("Pike Street Retail " + suffix(), this.program.budapest(), false);
		String customer = "Alpine Dairy " + suffix();
		send(customer, this.program.budapest(), true);
		browser.signIn(this.page, this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN));

		this.page.navigate(browser.url("/leads?tab=qualified"));
		Locator row = this.page.locator("li.lead-row").filter(new Locator.FilterOptions().setHasText(customer));
		assertThat(row.locator(".flame")).isVisible();
		assertThat(row).containsText("days left");
		BrowserSession.screenshot(this.page, "leads-list");
		// the same list in Hungarian, for the README beside the English one
		this.page.navigate(browser.url("/leads?tab=qualified&lang=hu"));
		assertThat(this.page.locator("html")).hasAttribute("lang", "hu");
		assertThat(row).containsText("nap van hátra");
		BrowserSession.screenshot(this.page, "leads-list-hu");
		this.page.navigate(browser.url("/leads?tab=qualified&lang=en"));

		// the heart toggles in place: no page load, the Favorites count follows
		this.page.evaluate("window.stillThisPage = true");
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add to favorites")).click();
		assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove from favorites")))
			.hasAttribute("aria-pressed", "true");
		assertThat(this.page.locator("#favorites-count")).hasText("1");
		assertThat(this.page.evaluate("window.stillThisPage")).isEqualTo(true);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Favorites")).click();
		assertThat(this.page.locator("li.lead-row")).hasCount(1);
		// in the Favorites tab the lead leaves the list in place, and the counts follow
		this.page.evaluate("window.stillThisPage = true");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove from favorites")).click();
		assertThat(this.page.locator("#favorites-count")).hasText("0");
		assertThat(this.page.locator("li.lead-row")).hasCount(0);
		assertThat(this.page.locator("#lead-results")).containsText("No leads");
		assertThat(this.page.evaluate("window.stillThisPage")).isEqualTo(true);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Qualified leads")).click();

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(customer)).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("The customer is waiting for your call");
		assertThat(this.page.locator("h1")).hasText(customer);
		BrowserSession.screenshot(this.page, "lead-page");

		// accept with the deal name missing: the error sits at the field, the input stays
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accept")).click();
		this.page.getByLabel("Deal name").fill("");
		this.page.getByLabel("Estimated value").fill("30000");
		this.page.getByLabel("Currency").selectOption("EUR");
		this.page.getByLabel("Estimated purchase date").fill("2027-04-30");
		this.page.getByLabel("Notes: what is the customer looking for?").fill("Three warehouses, go-live in spring");
		clickButton(this.page, "Next");
		assertThat(this.page.getByLabel("Deal name")).hasAttribute("aria-invalid", "true");
		assertThat(this.page.locator("[id='deal.name-errors']")).hasText("Required.");
		assertThat(this.page.getByLabel("Notes: what is the customer looking for?"))
			.hasValue("Three warehouses, go-live in spring");
		assertThat(this.page.getByLabel("Estimated value")).hasValue("30000");
		this.page.getByLabel("Deal name").fill("Alpine ERP");
		clickButton(this.page, "Next");
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).containsText("Lead accepted");
		assertThat(this.page.locator("h1 + .badge")).hasText("Accepted");

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();
		this.page.getByLabel("Estimated value").fill("35000");
		clickButton(this.page, "Save changes");
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).containsText("Changes saved");
		assertThat(this.page.locator("#deal-heading + dl")).containsText("€35,000");

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add team member")).click();
		this.page.getByLabel("First name").fill("Péter");
		this.page.getByLabel("Last name").fill("Tóth");
		this.page.getByLabel("Email").fill("peter.toth@contoso.example");
		this.page.getByLabel("Phone").fill("+36 30 555 0199");
		clickButton(this.page, "Add to the deal team");
		assertThat(this.page.locator("#team-heading + ul")).containsText("Péter Tóth");

		// Won archives the lead for good: a page says so first
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mark won")).click();
		assertThat(this.page.getByRole(AriaRole.NOTE)).containsText("This archives the lead.");
		BrowserSession.screenshot(this.page, "lead-mark-won-confirmation");
		clickButton(this.page, "Yes, mark won and archive");
		assertThat(this.page.locator("h1 + .badge")).hasText("Archived: Won");
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit"))).hasCount(0);
		assertThat(this.page.locator("main")).containsText("Archived leads are read-only");
	}

	@Test
	void aPartnerDeclinesALeadWithAReasonAndFindsAnExpiredOneReadOnly() {
		String declined = "Danube Logistics " + suffix();
		String expired = "Puszta Foods " + suffix();
		Referral toDecline = send(declined, this.program.budapest(), false);
		Referral toExpire = send(expired, this.program.budapest(), false);
		browser.signIn(this.page,
				this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_USER, this.program.budapest()));

		this.page.navigate(browser.url("/leads/" + toDecline.id() + "/decline"));
		clickButton(this.page, "Close deal");
		assertThat(this.page.locator("#reason-errors")).hasText("Required.");
		this.page.getByLabel("No capacity").check();
		this.page.getByLabel("Notes (optional)").fill("Fully booked until autumn");
		clickButton(this.page, "Close deal");
		assertThat(this.page.locator("h1 + .badge")).hasText("Archived: Declined");
		assertThat(this.page.locator("#deal-heading + dl")).containsText("No capacity");
		assertThat(this.page.locator(".timeline")).containsText("Fully booked until autumn");

		this.clock.advance(this.properties.responseWindow().plusMinutes(1));
		this.expirySweep.run();
		this.page.navigate(browser.url("/leads/" + toExpire.id()));
		assertThat(this.page.locator("h1 + .badge")).hasText("Archived: Expired");
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accept"))).hasCount(0);
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Decline"))).hasCount(0);
		assertThat(this.page.locator("main")).containsText("Archived leads are read-only");
	}

	@Test
	void aSellerSendsALeadToAPartnerAndSeesItsStage() {
		String customer = "Balaton Hotels " + suffix();
		browser.signIn(this.page, this.users.create(this.program.vendor(), "Sebastian Seller", Role.VENDOR_SELLER));

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send a lead").setExact(true))
			.first()
			.click();
		clickButton(this.page, "Send lead");
		assertThat(this.page.locator("[id='customerName-errors']")).hasText("Required.");
		assertThat(this.page.locator("[id='consentToContact-errors']")).containsText("consent");
		// the recommendations follow the customer's country, and picking one fills in the
		// location
		this.page.getByLabel("Country").selectOption("HU");
		Locator best = this.page.locator("#recommendations li").first();
		assertThat(best).containsText("Contoso Budapest");
		assertThat(best).containsText("located in Hungary");
		best.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send to this location")).click();
		assertThat(this.page.getByLabel("Partner location")).hasValue(this.program.budapest().id().toString());
		BrowserSession.screenshot(this.page, "new-lead-recommendations");
		this.page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Company").setExact(true))
			.fill(customer);
		this.page.getByLabel("What does the customer need?").fill("Booking system for four hotels");
		this.page.getByLabel("The customer agreed to be contacted by the partner").check();
		clickButton(this.page, "Send lead");
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).containsText("Lead sent");
		assertThat(this.page.locator("h1 + .badge")).hasText("Received");
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accept"))).hasCount(0);

		this.page.navigate(browser.url("/leads?tab=qualified"));
		assertThat(this.page.locator("h1")).hasText("Leads I sent");
		assertThat(this.page.locator("li.lead-row").filter(new Locator.FilterOptions().setHasText(customer)))
			.containsText("Received");
	}

	@Test
	void anotherPartnersLeadIsNotFoundAndTheWorkspaceSpeaksHungarianAndFitsAPhone() {
		Referral contosoLead = send("Tisza Bank " + suffix(), this.program.budapest(), false);
		browser.signIn(this.page, this.users.create(this.program.fabrikam(), "Franz Huber", Role.REFERRALS_ADMIN));

		Response response = this.page.navigate(browser.url("/leads/" + contosoLead.id()));
		assertThat(response.status()).isEqualTo(404);
		assertThat(this.page.locator("h1")).hasText("Not found");
		assertThat(this.page.locator("main")).not().containsText("Tisza Bank");

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Magyar")).click();
		assertThat(this.page.locator("h1")).hasText("Nem található");
		this.page.navigate(browser.url("/leads"));
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Piactéri érdeklődők")))
			.isVisible();
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Minősített érdeklődők")))
			.isVisible();
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kedvencek"))).isVisible();
		assertThat(this.page.getByLabel("Fázis")).isVisible();

		// a phone, with JavaScript on: nothing wider than the screen
		TestUser contosoAdmin = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
		Page small = browser.newPage(375);
		browser.signIn(small, contosoAdmin);
		small.navigate(browser.url("/leads?tab=qualified"));
		assertThat(small.locator("li.lead-row")).hasCount(1);
		assertThat(small.evaluate("document.documentElement.scrollWidth")).isEqualTo(375);
		BrowserSession.screenshot(small, "leads-list-phone");
		// and without JavaScript the heart is a plain form that comes back to the list
		Page plain = browser.newContext(BrowserSession.viewport(375).setJavaScriptEnabled(false)).newPage();
		browser.signIn(plain, contosoAdmin);
		plain.navigate(browser.url("/leads?tab=qualified"));
		clickButton(plain, "Add to favorites");
		assertThat(plain).hasURL(browser.url("/leads?tab=qualified&stage=all&sort=newest"));
		assertThat(plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove from favorites")))
			.hasAttribute("aria-pressed", "true");
	}

	private Referral send(String customer, Location location, boolean contactRequested) {
		NewReferral lead = new NewReferral(location.id(), Qualification.SalesQualified, ReferralType.Independent, null,
				null,
				new Customer(customer, Address.of(null, null, "Debrecen", null, null, "HU"), null,
						List.of(TeamMember.of("contact", "Eszter", "Nagy", "+36 52 555 0100",
								"eszter.nagy@alpine.example"))),
				new Consent(true, false),
				new Requirements(List.of("Manufacturing"), List.of("Northwind ERP"), List.of(), List.of()),
				"Replace spreadsheets with an ERP", Money.of(new BigDecimal("25000"), "EUR"),
				Instant.parse("2027-03-31T00:00:00Z"), contactRequested, "Met at the Debrecen roadshow");
		return this.management.send(this.vendor, lead, Source.API);
	}

}
