package org.leadrelay.referral.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrelay.partner.Location;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.leadrelay.testing.BrowserSession.suffix;

/**
 * The co-sell workspace in a real browser, in English and in Hungarian: a partner creates
 * a deal that invites another partner or the vendor, the invitee declines (with a reason)
 * or accepts, and the deal moves through the sales stages to Won.
 */
@IntegrationTest
class CoSellBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	Program program;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
	}

	@Test
	void aPartnerInvitesAnotherWhichDeclinesOneDealAndAcceptsTheNextThatMovesOnToWon() {
		Page contoso = browser.newPage();
		browser.signIn(contoso, this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN));
		Page fabrikam = browser.newPage();
		browser.signIn(fabrikam, this.users.create(this.program.fabrikam(), "Franz Huber", Role.REFERRALS_ADMIN));

		String declined = "Alpine Dairy " + suffix();
		create(contoso, "en", declined, "PartnerToPartner", this.program.vienna());
		assertThat(contoso.locator("#deal-type")).hasText("Partner-to-partner");
		assertThat(contoso.locator("#other-side")).containsText("Received");
		fabrikam.navigate(browser.url("/deals?tab=inbound"));
		Locator invitation = fabrikam.locator("li.lead-row").filter(new Locator.FilterOptions().setHasText(declined));
		assertThat(invitation).containsText("days left");
		assertThat(invitation).containsText("with " + this.program.contoso().name());
		invitation.locator("a.fw-semibold").click();
		fabrikam.locator("a[href$='/decline']").click();
		fabrikam.locator("form[action$='/decline'] button[type=submit]").click();
		assertThat(fabrikam.locator("#reason-errors")).isVisible();
		fabrikam.locator("input[name=reason]").first().check();
		fabrikam.locator("form[action$='/decline'] button[type=submit]").click();
		assertThat(fabrikam.locator("h1 + span.badge, .badge.fs-6")).containsText("Declined");
		contoso.reload();
		assertThat(contoso.locator("#other-side")).containsText("Declined");

		String won = "Pike Street " + suffix();
		create(contoso, "en", won, "PartnerToPartner", this.program.vienna());
		String deal = contoso.url();
		fabrikam.navigate(browser.url("/deals?tab=inbound"));
		fabrikam.locator("li.lead-row")
			.filter(new Locator.FilterOptions().setHasText(won))
			.locator("a.fw-semibold")
			.click();
		accept(fabrikam, "We know the region");
		assertThat(fabrikam.locator("#deal-stage")).hasText("Accepted (10 %)");

		contoso.navigate(deal);
		assertThat(contoso.locator("#other-side")).containsText("Accepted (10 %)");
		for (String stage : new String[] { "Qualified (20 %)", "Developed (40 %)", "Proposed (60 %)",
				"Negotiated (80 %)" }) {
			// the next stage is offered first
			assertThat(contoso.locator("#stage option:checked")).hasText(stage);
			contoso.locator("form[action$='/stage'] button[type=submit]").click();
			assertThat(contoso.locator("#deal-stage")).hasText(stage);
		}
		contoso.locator("a[href$='/won']").click();
		contoso.locator("form[action$='/won'] button[type=submit]").click();
		assertThat(contoso.locator("#deal-stage")).hasText("Won (100 %)");
		assertThat(contoso.locator(".timeline")).containsText("Negotiated (80 %)");
		BrowserSession.screenshot(contoso, "deal-won");
		fabrikam.reload();
		assertThat(fabrikam.locator("#other-side")).containsText("Won");
	}

	@Test
	void inHungarianAPartnerAsksTheVendorToCoSellAndTheSellerAcceptsAndMovesItsOwnRecord() {
		Page contoso = browser.newPage();
		browser.signIn(contoso, this.users.create(this.program.contoso(), "Kovacs Anna", Role.REFERRALS_ADMIN));
		Page seller = browser.newPage();
		browser.signIn(seller, this.users.create(this.program.vendor(), "Szabo Vera", Role.VENDOR_SELLER));

		String name = "Tisza Pékség " + suffix();
		create(contoso, "hu", name, "CoSell", null);
		assertThat(contoso.locator("#deal-type")).hasText("Közös értékesítés");
		assertThat(contoso.locator("#deal-stage")).hasText("Elfogadva (10 %)");

		seller.navigate(browser.url("/deals?lang=hu"));
		assertThat(seller.locator("nav .nav-link.active")).containsText("Nekünk szóló meghívások");
		Locator invitation = seller.locator("li.lead-row").filter(new Locator.FilterOptions().setHasText(name));
		assertThat(invitation).containsText("nap van hátra");
		invitation.locator("a.fw-semibold").click();
		accept(seller, "Vállaljuk a bemutatót");
		seller.locator("form[action$='/stage'] button[type=submit]").click();
		assertThat(seller.locator("#deal-stage")).hasText("Minősítve (20 %)");
		assertThat(seller.locator(".timeline")).containsText("Értékesítési szakasz módosítva");

		contoso.reload();
		assertThat(contoso.locator("#other-side")).containsText("Minősítve (20 %)");
		contoso.locator("a[href$='/won']").click();
		contoso.locator("form[action$='/won'] button[type=submit]").click();
		assertThat(contoso.locator("#deal-stage")).hasText("Megnyerve (100 %)");
	}

	/**
	 * Fills the New deal form in the language and creates the deal; the deal page opens.
	 */
	private static void create(Page page, String language, String name, String type, Location invited) {
		page.navigate(browser.url("/deals/new?lang=" + language));
		page.locator("input[name=type][value=" + type + "]").check();
		if (invited != null) {
			page.locator("[name=partnerLocation]").selectOption(invited.id().toString());
		}
		else {
			page.locator("[name=assistanceCode]").selectOption("ProofOfConceptOrDemo");
		}
		page.locator("[name=inviteNotes]").fill("Could you help us?");
		page.locator("[name='deal.name']").fill(name);
		page.locator("[name='deal.value']").fill("40000");
		page.locator("[name='deal.currency']").selectOption("EUR");
		page.locator("[name='deal.purchaseDate']").fill("2027-03-31");
		// a deal without a team member's email comes back with the input kept
		page.locator("[name='deal.notes']").fill("Budget approved");
		page.locator("[name='member.firstName']").fill("Anna");
		page.locator("[name='member.lastName']").fill("Kovács");
		page.locator("[name='member.phone']").fill("+36 1 555 0100");
		page.locator("[name=solutions]").fill("Dairy BI pack");
		page.locator("[name=customerName]").fill(name + " Kft.");
		page.locator("[name=country]").selectOption("HU");
		page.locator("form[action='/deals/new'] button[type=submit]").click();
		assertThat(page.locator("[id='member.email-errors']")).isVisible();
		assertThat(page.locator("[name='deal.name']")).hasValue(name);
		page.locator("[name='member.email']").fill("anna.kovacs@contoso.example");
		page.locator("form[action='/deals/new'] button[type=submit]").click();
		assertThat(page.locator("h1")).hasText(name + " Kft.");
	}

	/** Accepts the invitation open on the page, with the invitee's own notes. */
	private static void accept(Page page, String notes) {
		page.locator("a[href$='/accept']").click();
		page.locator("[name='deal.notes']").fill(notes);
		page.locator("form[action$='/accept'] button[type=submit]").click();
		assertThat(page.locator("form[action$='/stage']")).isVisible();
	}

}
