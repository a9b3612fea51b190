package org.leadrelay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rough edges of issue 15 in a browser, in English and in Hungarian: vendor staff
 * land on the tab that holds their leads; Won asks first, on a page that names the
 * consequence, and the archived lead then shows no urgency; a field's error sits at that
 * field in the reader's language; un-hearting in Favorites takes the row out in place;
 * and the digest setting is saved.
 */
@IntegrationTest
class RoughEdgesBrowserTests {

	/** A few texts of each bundle the pages must show. */
	private static final Map<String, Map<String, String>> TEXTS = Map.of("en", Map.of("wonHeading",
			"Mark this deal won?", "archived", "This archives the lead.", "invalidEmail", "Enter a valid email address",
			"noLeads", "No leads here", "digest", "One digest mail a day", "saved", "Your email settings are saved."),
			"hu",
			Map.of("wonHeading", "Megnyertként jelöli az üzletet?", "archived", "Ezzel az érdeklődőt archiváljuk.",
					"invalidEmail", "Adjon meg érvényes e-mail-címet", "noLeads", "Itt nincs érdeklődő", "digest",
					"Naponta egy összesítő e-mail", "saved", "Az e-mail-beállításait mentettük."));

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	Program program;

	Caller crm;

	Caller partner;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.partner = new Caller(Caller.Kind.API_CLIENT, "client:contoso", "Contoso CRM", this.program.contoso().id(),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		this.crm = new Caller(Caller.Kind.API_CLIENT, "client:" + this.program.vendorClient().clientId(), "Vendor CRM",
				this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "hu" })
	void aPartnerFindsErrorsAtTheirFieldsConfirmsWonAndSeesNoUrgencyOnceArchived(String language) {
		Map<String, String> texts = TEXTS.get(language);
		Referral lead = accepted(
				this.management.send(this.crm, ReferralSpecs.qualified(this.program.budapest()), Source.API));
		Page page = signedIn(this.users.create(this.program.contoso(), "Kovacs Anna", Role.REFERRALS_ADMIN), language);

		page.navigate(browser.url("/leads/" + lead.id() + "/team"));
		page.locator("#firstName").fill("Júlia");
		page.locator("#lastName").fill("Tóth");
		page.locator("#phone").fill("+36 1 555 0100");
		page.locator("#email").fill("nem-email");
		page.locator("main form button.btn-primary[type=submit]").click();
		assertThat(page.locator("#email")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#email-errors")).containsText(texts.get("invalidEmail"));
		assertThat(page.locator("#lastName")).hasValue("Tóth");
		BrowserSession.screenshot(page, "field-error-" + language);

		page.navigate(browser.url("/leads/" + lead.id()));
		page.locator("a[href$='/lost']").click();
		assertThat(page.locator("main [role=note]")).containsText(texts.get("archived"));
		BrowserSession.screenshot(page, "outcome-lost-" + language);
		page.goBack();
		page.locator("a[href$='/won']").click();
		assertThat(page.locator("main h2.h4")).hasText(texts.get("wonHeading"));
		assertThat(page.locator("main [role=note]")).containsText(texts.get("archived"));
		BrowserSession.screenshot(page, "outcome-won-" + language);
		page.locator("main form button.btn-success[type=submit]").click();
		assertThat(page).hasURL(browser.url("/leads/" + lead.id()));
		assertThat(page.locator("a[href$='/won'], a[href$='/lost'], a[href$='/edit']")).hasCount(0);

		// a customer waiting for a call is urgent until the lead is archived, here
		// declined
		Referral waiting = this.management.send(this.crm, ReferralSpecs.contactRequested(this.program.budapest()),
				Source.API);
		page.navigate(browser.url("/leads/" + waiting.id()));
		assertThat(page.locator("main .flame")).hasCount(1);
		this.management.decline(this.partner, waiting.id(), "NoCapacity", null, Source.API, null);
		page.reload();
		assertThat(page.locator("main .flame, main .flame-calm, main .alert-danger")).hasCount(0);
		page.navigate(browser.url("/leads?tab=qualified&stage=declined"));
		Locator row = page.locator("li.lead-row")
			.filter(new Locator.FilterOptions().setHas(page.locator("a[href='/leads/" + waiting.id() + "']")));
		assertThat(row).hasCount(1);
		assertThat(row.locator(".flame, .flame-calm")).hasCount(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "hu" })
	void unHeartingInFavoritesTakesTheRowOutInPlace(String language) {
		Referral lead = this.management.send(this.crm, ReferralSpecs.qualified(this.program.budapest()), Source.API);
		TestUser anna = this.users.create(this.program.contoso(), "Kovacs Anna", Role.REFERRALS_ADMIN);
		Caller partner = new Caller(Caller.Kind.USER, anna.principalId(), anna.name(), this.program.contoso().id(),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		this.management.setFavorite(partner, lead.id(), true);
		Page page = signedIn(anna, language);

		page.navigate(browser.url("/leads?tab=favorites"));
		assertThat(page.locator("#favorites-count")).hasText("1");
		page.evaluate("window.stillThisPage = true");
		page.locator("li.lead-row button.heart[aria-pressed=true]").click();
		assertThat(page.locator("#favorites-count")).hasText("0");
		assertThat(page.locator("li.lead-row")).hasCount(0);
		assertThat(page.locator("#lead-results")).containsText(TEXTS.get(language).get("noLeads"));
		assertThat(page.evaluate("window.stillThisPage")).isEqualTo(true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "hu" })
	void vendorStaffLandOnTheTabOfTheirLeadsAndChooseTheDigest(String language) {
		TestUser seller = this.users.create(this.program.vendor(), "Kiss Seller", Role.VENDOR_SELLER);
		this.management.send(
				new Caller(Caller.Kind.USER, seller.principalId(), seller.name(), this.program.vendor().id(),
						OrganizationKind.VENDOR, Set.of(Role.VENDOR_SELLER)),
				ReferralSpecs.qualified(this.program.budapest()), Source.UI);
		Page page = signedIn(seller, language);

		page.navigate(browser.url("/leads"));
		assertThat(page.locator(".nav-tabs a.active .badge")).hasText("1");
		assertThat(page.locator("li.lead-row")).hasCount(1);

		page.navigate(browser.url("/notifications/settings"));
		page.getByLabel(TEXTS.get(language).get("digest")).check();
		page.locator("main form button[type=submit]").click();
		assertThat(page.locator("main [role=status]")).hasText(TEXTS.get(language).get("saved"));
		page.reload();
		assertThat(page.getByLabel(TEXTS.get(language).get("digest"))).isChecked();
		BrowserSession.screenshot(page, "digest-setting-" + language);
	}

	/** Signs in from a browser of the language, which makes the user speak it. */
	private static Page signedIn(TestUser user, String language) {
		Page page = browser
			.newContext(BrowserSession.viewport(1280).setLocale(language.equals("hu") ? "hu-HU" : "en-US"))
			.newPage();
		browser.signIn(page, user);
		return page;
	}

	private Referral accepted(Referral lead) {
		return this.management.accept(this.partner, lead.id(),
				DealDetails.of("ERP rollout", Money.of(new BigDecimal("25000"), "EUR"),
						Instant.parse("2030-03-31T00:00:00Z"), "Call them in March", null, null),
				List.of(), Source.API, null);
	}

}
