package org.leadrelay;

import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout at a laptop's 1280 px and a phone's 375 px (issue 15): the header keeps to
 * one row for the roles with the most links, in English and in Hungarian, and the tables
 * of the users and insights pages reflow on a phone instead of overflowing or breaking
 * email addresses mid-word.
 */
@IntegrationTest
class LayoutBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	/**
	 * How many of the header's items start below the bottom of another: 0 when they all
	 * sit in one row.
	 */
	private static final String HEADER_ROWS = """
			() => {
			  const items = [...document.querySelector('header .container').children]
			    .filter(item => item.getClientRects().length > 0)
			    .map(item => item.getBoundingClientRect());
			  const firstBottom = Math.min(...items.map(item => item.bottom));
			  return items.filter(item => item.top >= firstBottom).length;
			}""";

	/** Email parts that wrapped inside themselves, and tables wider than their box. */
	private static final String BROKEN = """
			() => [...document.querySelectorAll('.email-part')].filter(part => part.getClientRects().length > 1).length
			  + [...document.querySelectorAll('main table')].filter(table => table.getClientRects().length > 0
			      && table.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length""";

	/**
	 * The innermost elements that reach past the screen's right edge, to say what
	 * overflows.
	 */
	private static final String WIDER = """
			() => [...document.querySelectorAll('body *')]
			  .filter(element => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
			  .filter(element => ![...element.children].some(child =>
			      child.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5))
			  .map(element => element.tagName + '.' + element.className + ' ' + (element.textContent || '').trim().slice(0, 40))
			  .join(' | ')""";

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Test
	void theHeaderFitsInOneRowAt1280PxForAdminsAndVendorsInBothLanguages() {
		Program program = this.programs.create();
		List<TestUser> admins = List.of(
				this.users.create(program.contoso(), "Bence Szabo-Kovacs", Role.REFERRALS_ADMIN, program.budapest()),
				this.users.create(program.vendor(), "Maria Marketing-Lindqvist", Role.VENDOR_ADMIN));
		for (TestUser admin : admins) {
			for (String language : List.of("en", "hu")) {
				Page page = browser.newPage(1280);
				browser.signIn(page, admin);
				page.navigate(browser.url("/leads?lang=" + language));
				assertThat(page.evaluate(HEADER_ROWS)).as(admin.name() + " in " + language).isEqualTo(0);
				assertThat(page.evaluate("document.documentElement.scrollWidth"))
					.as(admin.name() + " in " + language + ": nothing past the edge, found " + page.evaluate(WIDER))
					.isEqualTo(1280);
				assertThat(page.evaluate(
						"(() => { const c = document.querySelector('header .container'); return c.scrollWidth <= c.clientWidth; })()"))
					.as(admin.name() + " in " + language
							+ ": the header's items inside the header (content and box widths "
							+ page.evaluate(
									"(() => { const c = document.querySelector('header .container'); return [c.scrollWidth, c.clientWidth]; })()")
							+ ")")
					.isEqualTo(true);
				BrowserSession.screenshot(page,
						"header-1280-" + language + "-" + (admin == admins.get(0) ? "partner-admin" : "vendor-admin"));
			}
		}
	}

	@Test
	void theUsersAndInsightsTablesReflowOnAPhoneWithoutBreakingEmailsMidWord() {
		Program program = this.programs.create();
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:layout", "Northwind CRM", program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		this.management.send(vendor, ReferralSpecs.qualified(program.budapest()), Source.API);
		TestUser partnerAdmin = this.users.create(program.contoso(), "Bence Szabo", Role.REFERRALS_ADMIN);
		this.users.create(program.contoso(), "Krisztina Szentgyörgyi-Vasváry", Role.REFERRALS_USER, program.budapest());
		TestUser vendorAdmin = this.users.create(program.vendor(), "Maria Marketing", Role.VENDOR_ADMIN);

		for (int width : List.of(375, 1280)) {
			for (String language : List.of("en", "hu")) {
				Browser.NewContextOptions options = BrowserSession.viewport(width);
				Page partner = browser.newContext(options).newPage();
				browser.signIn(partner, partnerAdmin);
				partner.navigate(browser.url("/users?lang=" + language));
				assertThat(partner.locator(".email-part").count()).isPositive();
				assertFits(partner, "users at " + width + " px in " + language);
				BrowserSession.screenshot(partner, "users-" + width + "-" + language);

				Page vendorPage = browser.newContext(options).newPage();
				browser.signIn(vendorPage, vendorAdmin);
				vendorPage.navigate(browser.url("/insights?lang=" + language));
				vendorPage.locator("details").evaluateAll("details => details.forEach(d => d.open = true)");
				assertFits(vendorPage, "vendor insights at " + width + " px in " + language);
				BrowserSession.screenshot(vendorPage, "insights-" + width + "-" + language);
			}
		}
	}

	private static void assertFits(Page page, String what) {
		assertThat(page.evaluate("document.documentElement.scrollWidth"))
			.as(what + ": nothing wider than the screen, found " + page.evaluate(WIDER))
			.isEqualTo(page.viewportSize().width);
		assertThat(page.evaluate(BROKEN)).as(what + ": emails broken mid-word or tables overflowing").isEqualTo(0);
	}

}
