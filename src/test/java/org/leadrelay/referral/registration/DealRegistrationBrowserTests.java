package org.leadrelay.referral.registration;

import java.time.Duration;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrelay.partner.Catalogue;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.DealRequests.partnerLed;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * A partner registers its won deal on its page, learns it is in conflict with another
 * claim (never whose), and the vendor admin compares the two deals and keeps one: in
 * English and in Hungarian.
 */
@IntegrationTest
class DealRegistrationBrowserTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	Catalogue catalogue;

	@Autowired
	MutableClock clock;

	@Test
	void registeringAndResolvingAConflictInEnglish() {
		run("en-US", new Texts("Register with the vendor", "The deal is registered", "Pending", "under vendor review",
				"Channel conflicts", "Keep %s", "The conflict is decided.", "Approved", "Rejected"));
	}

	@Test
	void registeringAndResolvingAConflictInHungarian() {
		run("hu-HU", new Texts("Regisztrálás a gyártónál", "Az üzlet regisztrálva", "Függőben", "a gyártó vizsgálja",
				"Csatornaütközések", "%s megtartása", "Az ütközés eldöntve.", "Jóváhagyva", "Elutasítva"));
	}

	private void run(String locale, Texts texts) {
		Program program = this.programs.create();
		this.catalogue.add(program.vendor().id(), CatalogueKind.PRODUCT, "Analytics Suite");
		String customer = "Alpine Dairy " + BrowserSession.suffix();
		String contosoDeal = wonDeal(ApiClient.as(this.port, program.contosoClient()), customer + " Kft.");
		ApiClient fabrikam = ApiClient.as(this.port, program.fabrikamClient());
		String fabrikamDeal = wonDeal(fabrikam, customer.toUpperCase() + " zrt");
		this.clock.advance(Duration.ofHours(72));
		Response registered = fabrikam.patch(REFERRALS + "/" + fabrikamDeal, patch("""
				{"op": "add", "path": "/registrations/-", "value": {}}"""));
		assertThat(registered.status()).as(registered.body()).isEqualTo(204);

		Page partner = browser.newContext(BrowserSession.viewport(1280).setLocale(locale)).newPage();
		browser.failOnDialogs(partner);
		browser.signIn(partner, this.users.create(program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN));
		partner.navigate(browser.url("/deals/" + contosoDeal + "/registration"));
		BrowserSession.clickButton(partner, texts.register());
		assertThat(partner.getByRole(AriaRole.STATUS).first()).containsText(texts.registered());
		assertThat(partner.locator("#registration-status")).hasText(texts.pending());
		assertThat(partner.locator("#registration-conflict")).containsText(texts.underReview());
		assertThat(partner.content()).doesNotContain(program.fabrikam().name());

		Page vendor = browser.newContext(BrowserSession.viewport(1280).setLocale(locale)).newPage();
		browser.failOnDialogs(vendor);
		browser.signIn(vendor, this.users.create(program.vendor(), "Vera Vendor", Role.VENDOR_ADMIN));
		vendor.navigate(browser.url("/registrations"));
		assertThat(vendor.locator("#registrations")).containsText(customer);
		vendor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(texts.conflicts()).setExact(true)).click();
		assertThat(vendor.locator("article")).containsText(program.contoso().name());
		assertThat(vendor.locator("article")).containsText(program.fabrikam().name());
		BrowserSession.screenshot(vendor, "registration-conflict-" + locale);
		vendor.locator("article textarea").fill("Contoso <b>registered</b> first");
		BrowserSession.clickButton(vendor, texts.keep().formatted(program.contoso().name()));
		assertThat(vendor.getByRole(AriaRole.STATUS).first()).hasText(texts.decided());
		assertThat(vendor.locator("article")).containsText("Contoso <b>registered</b> first");

		partner.reload();
		assertThat(partner.locator("#registration-status")).hasText(texts.approved());
		assertThat(partner.locator("#registration-conflict")).hasCount(0);
		vendor.navigate(browser.url("/registrations"));
		assertThat(vendor.locator("#registrations")).containsText(texts.rejected());
	}

	private static String wonDeal(ApiClient partner, String customer) {
		ObjectNode body = partnerLed();
		((ObjectNode) body.get("customerProfile")).put("name", customer);
		((ObjectNode) body.at("/details/requirements")).putArray("products").addObject().put("id", "Analytics Suite");
		Response created = partner.post(REFERRALS, body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String deal = created.json().get("id").asString();
		Response won = partner.patch(REFERRALS + "/" + deal,
				patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Won\"")));
		assertThat(won.status()).as(won.body()).isEqualTo(204);
		return deal;
	}

	record Texts(String register, String registered, String pending, String underReview, String conflicts, String keep,
			String decided, String approved, String rejected) {
	}

}
