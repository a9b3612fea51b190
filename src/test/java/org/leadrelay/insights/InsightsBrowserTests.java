package org.leadrelay.insights;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The insights page in Chromium: Chart.js draws every chart from the figures the server
 * rendered, the tables stay available, and the browser reports no errors.
 */
@IntegrationTest
class InsightsBrowserTests {

	/**
	 * Whether every chart canvas has a Chart.js chart with at least one painted pixel.
	 */
	static final String CHARTS_DRAWN = """
			() => Array.from(document.querySelectorAll('canvas[data-chart]')).every(canvas => {
			    if (!Chart.getChart(canvas) || canvas.width === 0) return false;
			    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
			    return pixels.some((value, i) => i % 4 === 3 && value !== 0);
			})""";

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Autowired
	MutableClock clock;

	@Test
	void thePartnersInsightsPageDrawsItsCharts() {
		Program program = this.programs.create();
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:vendor", "Vendor CRM", program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Caller contoso = new Caller(Caller.Kind.API_CLIENT, "client:contoso", "Contoso CRM", program.contoso().id(),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		Referral accepted = this.management.send(vendor, ReferralSpecs.qualified(program.budapest()), Source.API);
		Referral declined = this.management.send(vendor, ReferralSpecs.qualified(program.budapest()), Source.API);
		this.management.send(vendor, ReferralSpecs.qualified(program.budapest()), Source.API);
		this.clock.advance(Duration.ofHours(3));
		this.management.accept(contoso, accepted.id(), DealDetails.of("Alpine ERP",
				Money.of(new BigDecimal("30000"), "EUR"), Instant.parse("2027-04-30T00:00:00Z"), "Notes", null, null),
				List.of(), Source.API, null);
		this.management.decline(contoso, declined.id(), "NoCapacity", null, Source.API, null);
		TestUser anna = this.users.create(program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);

		Page page = browser.newPage();
		browser.signIn(page, anna);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Insights")).click();

		assertThat(page.locator("h1")).hasText("Insights");
		assertThat(page.locator("canvas[data-chart]")).hasCount(5);
		// Chart.js comes deferred: on a busy machine the canvases are there before it
		// runs
		page.waitForLoadState();
		page.waitForFunction(CHARTS_DRAWN);
		assertThat(page.locator("#funnel-table")).containsText("Received");
		assertThat(page.locator("#pipeline-table")).containsText("€30,000");
		BrowserSession.screenshot(page, "insights");
	}

}
