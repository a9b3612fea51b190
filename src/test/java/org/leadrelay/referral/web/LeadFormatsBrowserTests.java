package org.leadrelay.referral.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Hungarian reader in Budapest reads a lead the way they write: forints without
 * decimals, times in Budapest with the zone named, the address in Hungary's order, and
 * the timeline's values formatted; the edit form shows the amount without ".00" and reads
 * one typed the Hungarian way.
 */
@IntegrationTest
class LeadFormatsBrowserTests {

	static final ZoneId BUDAPEST = ZoneId.of("Europe/Budapest");

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Test
	void aHungarianReaderSeesForintsAndBudapestTimes() {
		Program program = this.programs.create();
		Referral lead = send(program, "Tisza Pékség " + BrowserSession.suffix());
		Caller partner = new Caller(Caller.Kind.API_CLIENT, "client:contoso", "Contoso CRM", program.contoso().id(),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		lead = this.management
			.accept(partner, lead.id(),
					DealDetails.of("Pékség ERP", Money.of(new BigDecimal("15000000"), "HUF"),
							Instant.parse("2027-03-31T00:00:00Z"), "Két üzem", null, null),
					List.of(), Source.API, null);

		// a first sign-in from this browser makes Hungarian and Budapest the user's
		// settings
		Page page = browser.newContext(BrowserSession.viewport(1280).setLocale("hu-HU").setTimezoneId(BUDAPEST.getId()))
			.newPage();
		browser.signIn(page, this.users.create(program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN));
		page.navigate(browser.url("/leads/" + lead.id()));

		assertThat(page.locator("#deal-heading + dl").textContent()).contains("15\u00a0000\u00a0000\u00a0Ft")
			.doesNotContain("HUF")
			.contains("2027. márc. 31.");
		assertThat(page.locator("#customer-heading + dl")).containsText("4025 Debrecen, Piac utca 1., Magyarország");
		String timeline = page.locator(".timeline").innerText();
		assertThat(timeline).contains("Érték: 12\u00a0500\u00a0000\u00a0Ft → 15\u00a0000\u00a0000\u00a0Ft")
			.contains("Vásárlási dátum: — → 2027. márc. 31.")
			.contains(budapestTime(lead.acceptedAt()))
			.doesNotContain("12500000")
			.doesNotContain("T00:00:00Z");
		BrowserSession.screenshot(page, "lead-hungarian-formats");

		page.navigate(browser.url("/leads/" + lead.id() + "/edit"));
		assertThat(page.locator("input[name='value']")).hasValue("15000000");
		// a browser without number fields sends what the user typed
		page.locator("input[name='value']").evaluate("input => input.type = 'text'");
		page.locator("input[name='value']").fill("16 000 000,5");
		BrowserSession.clickButton(page, "Módosítások mentése");

		assertThat(page.locator("#deal-heading + dl").textContent()).contains("16\u00a0000\u00a0001\u00a0Ft");
		assertThat(page.locator(".timeline").innerText())
			.contains("Érték: 15\u00a0000\u00a0000\u00a0Ft → 16\u00a0000\u00a0001\u00a0Ft");
	}

	/** A time as a Budapest clock shows it, and the zone's name: "22:45 CET". */
	private static String budapestTime(Instant instant) {
		return DateTimeFormatter.ofPattern("H:mm z", Locale.forLanguageTag("hu")).withZone(BUDAPEST).format(instant);
	}

	private Referral send(Program program, String customer) {
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:northwind", "Maria Marketing", program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		NewReferral lead = new NewReferral(program.budapest().id(), Qualification.SalesQualified,
				ReferralType.Independent, null, null,
				new Customer(customer, Address.of("Piac utca 1.", null, "Debrecen", null, "4025", "HU"), null,
						List.of(TeamMember.of("contact", "Eszter", "Nagy", "+36 52 555 0100",
								"eszter.nagy@tisza.example"))),
				new Consent(true, false),
				new Requirements(List.of("Food"), List.of("Northwind ERP"), List.of(), List.of()), "Két üzem",
				Money.of(new BigDecimal("12500000"), "HUF"), null, false, null);
		return this.management.send(vendor, lead, Source.API);
	}

}
