package org.leadrelay.insights;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.ExpirySweep;
import org.leadrelay.referral.FigureCriteria;
import org.leadrelay.referral.LeadFigures;
import org.leadrelay.referral.LeadFigures.CurrencyPipeline;
import org.leadrelay.referral.LeadFigures.DeclinedKeyword;
import org.leadrelay.referral.LeadFigures.Outcomes;
import org.leadrelay.referral.LeadFigures.Responder;
import org.leadrelay.referral.LeadFigures.WeeklyCount;
import org.leadrelay.referral.LeadFigures.WeeklyMedian;
import org.leadrelay.referral.LostReason;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralAnalytics;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The insights figures against a small history seeded through the referral lifecycle with
 * the test clock, whose every figure is worked out by hand below; and that they cover
 * only what the caller may see.
 */
@IntegrationTest
class InsightsIntegrationTests {

	static final Duration HOUR = Duration.ofHours(1);

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	Organizations organizations;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralAnalytics analytics;

	@Autowired
	ExpirySweep expiry;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	Program program;

	Location seattle;

	Caller contosoAdmin;

	Caller vendorAdmin;

	Instant weekA;

	Instant weekB;

	/**
	 * Contoso's leads, with the time each took to answer:
	 *
	 * <pre>
	 * week A  1 SQL Budapest  Manufacturing  accepted after 2 h (25,000 EUR), won
	 *         2 MQL Budapest  Retail         declined after 4 h
	 *         3 SQL Budapest  Retail         declined after 6 h
	 *         4 SQL Seattle   Manufacturing  accepted after 10 h (1,000 USD), still open
	 * week B  5 SQL Budapest  Manufacturing  expired
	 *         6 SQL Budapest  Manufacturing  accepted after 1 h (5,000 EUR), lost
	 * </pre>
	 *
	 * Fabrikam, in the same program, accepts one lead after 1 h; another program has a
	 * lead of its own.
	 */
	@BeforeEach
	void seedHistory() {
		this.program = this.programs.create();
		this.seattle = this.organizations.addLocation(this.program.contoso().id(), "Contoso Seattle", "Seattle", "US",
				List.of());
		this.contosoAdmin = new Caller(Caller.Kind.API_CLIENT, "client:contoso", "Contoso CRM",
				this.program.contoso().id(), OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		this.vendorAdmin = new Caller(Caller.Kind.API_CLIENT, "client:vendor", "Vendor CRM", this.program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Caller fabrikamAdmin = new Caller(Caller.Kind.API_CLIENT, "client:fabrikam", "Fabrikam CRM",
				this.program.fabrikam().id(), OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));

		Referral won = send(this.program.budapest(), Qualification.SalesQualified, "Manufacturing");
		Referral retail1 = send(this.program.budapest(), Qualification.MarketingQualified, "Retail");
		Referral retail2 = send(this.program.budapest(), Qualification.SalesQualified, "Retail");
		Referral open = send(this.seattle, Qualification.SalesQualified, "Manufacturing");
		Referral fabrikams = send(this.program.vienna(), Qualification.SalesQualified, "Manufacturing");
		Program otherProgram = this.programs.create();
		this.management.send(
				new Caller(Caller.Kind.API_CLIENT, "client:other", "Other", otherProgram.vendor().id(),
						OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN)),
				ReferralSpecs.qualified(otherProgram.budapest()), Source.API);
		this.weekA = won.createdAt();
		this.clock.advance(HOUR);
		accept(fabrikamAdmin, fabrikams, "1", "EUR");
		this.clock.advance(HOUR);
		accept(this.contosoAdmin, won, "25000", "EUR");
		this.management.markWon(this.contosoAdmin, won.id(), Source.API, null);
		this.clock.advance(HOUR.multipliedBy(2));
		this.management.decline(this.contosoAdmin, retail1.id(), "NotOurExpertise", null, Source.API, null);
		this.clock.advance(HOUR.multipliedBy(2));
		this.management.decline(this.contosoAdmin, retail2.id(), "NotOurExpertise", null, Source.API, null);
		this.clock.advance(HOUR.multipliedBy(4));
		accept(this.contosoAdmin, open, "1000", "USD");

		this.clock.advance(Duration.ofDays(7));
		Referral expired = send(this.program.budapest(), Qualification.SalesQualified, "Manufacturing");
		Referral lost = send(this.program.budapest(), Qualification.SalesQualified, "Manufacturing");
		this.weekB = expired.createdAt();
		this.clock.advance(HOUR);
		accept(this.contosoAdmin, lost, "5000", "EUR");
		this.management.markLost(this.contosoAdmin, lost.id(), LostReason.LostToCompetitor, Source.API, null);
		this.clock.advance(Duration.ofDays(15));
		this.expiry.run();
	}

	@Test
	void aPartnersFiguresAreThoseWorkedOutByHand() {
		LeadFigures figures = lastThreeMonths(this.contosoAdmin);

		assertThat(figures.receivedPerWeek()).containsExactly(
				new WeeklyCount(week(this.weekA), Qualification.MarketingQualified, 1),
				new WeeklyCount(week(this.weekA), Qualification.SalesQualified, 3),
				new WeeklyCount(week(this.weekB), Qualification.SalesQualified, 2));
		assertThat(figures.outcomes()).isEqualTo(new Outcomes(6, 3, 1, 1, 2, 1, 0));
		// answers after 1, 2, 4, 6 and 10 hours
		assertThat(figures.medianResponseTime()).isEqualTo(HOUR.multipliedBy(4));
		// week A: 2, 4, 6, 10 hours; week B: 1 hour
		assertThat(figures.responseTimeTrend()).containsExactly(
				new WeeklyMedian(week(this.weekA), HOUR.multipliedBy(5)), new WeeklyMedian(week(this.weekB), HOUR));
		// with Fabrikam's answer after 1 hour: 1, 1, 2, 4, 6, 10
		assertThat(figures.programMedianResponseTime()).isEqualTo(HOUR.multipliedBy(3));
		assertThat(figures.pipeline()).containsExactly(
				new CurrencyPipeline(Currency.getInstance("EUR"), new BigDecimal("0.00"), new BigDecimal("25000.00")),
				new CurrencyPipeline(Currency.getInstance("USD"), new BigDecimal("1000.00"), new BigDecimal("0.00")));
		assertThat(figures.expiredLeads()).singleElement()
			.satisfies(lead -> assertThat(lead.customerName()).isEqualTo("Alpine Dairy Kft."));
		assertThat(figures.declinedKeywords()).containsExactly(new DeclinedKeyword("Retail", 2, 2));
		assertThat(figures.slowestResponders()).isEmpty();
	}

	@Test
	void typeAndLocationNarrowTheFigures() {
		Instant to = this.clock.instant().plusSeconds(1);
		Instant from = to.minus(Duration.ofDays(90));

		assertThat(this.analytics
			.figures(this.contosoAdmin, new FigureCriteria(from, to, Qualification.MarketingQualified, null))
			.outcomes()).isEqualTo(new Outcomes(1, 0, 0, 0, 1, 0, 0));
		assertThat(this.analytics.figures(this.contosoAdmin, new FigureCriteria(from, to, null, this.seattle.id()))
			.outcomes()).isEqualTo(new Outcomes(1, 1, 0, 0, 0, 0, 0));
		assertThat(this.analytics.figures(this.contosoAdmin, new FigureCriteria(from, this.weekB, null, null))
			.outcomes()
			.received()).as("a period that ends before week B").isEqualTo(4);
	}

	@Test
	void aReferralsUserCountsOnlyTheLeadsOfItsLocations() {
		TestUser budapestUser = this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_USER,
				this.program.budapest());
		Caller bence = new Caller(Caller.Kind.USER, budapestUser.principalId(), budapestUser.name(),
				this.program.contoso().id(), OrganizationKind.PARTNER, Set.of(Role.REFERRALS_USER));

		LeadFigures figures = lastThreeMonths(bence);

		assertThat(figures.outcomes()).isEqualTo(new Outcomes(5, 2, 1, 1, 2, 1, 0));
		assertThat(figures.pipeline()).extracting(CurrencyPipeline::currency)
			.containsExactly(Currency.getInstance("EUR"));
		// 1, 2, 4, 6 hours: Seattle's 10 hours are not Bence's
		assertThat(figures.medianResponseTime()).isEqualTo(HOUR.multipliedBy(3));
	}

	@Test
	void theVendorSeesItsWholeProgramWithTheSlowestRespondersFirst() {
		LeadFigures figures = lastThreeMonths(this.vendorAdmin);

		assertThat(figures.outcomes()).as("Contoso's 6 and Fabrikam's 1, not the other program's")
			.isEqualTo(new Outcomes(7, 4, 1, 1, 2, 1, 0));
		assertThat(figures.slowestResponders()).extracting(Responder::name, Responder::medianResponseTime)
			.containsExactly(tuple(this.program.contoso().name(), HOUR.multipliedBy(4)),
					tuple(this.program.fabrikam().name(), HOUR));
	}

	@Test
	void thePageShowsTheFiguresAndTipsAndRefusesAReversedPeriod() {
		TestUser anna = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
		WebSession browser = new WebSession(this.port);
		browser.signIn(anna.email(), TestUsers.PASSWORD);

		WebSession.Page page = browser.get("/insights");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Leads about Retail: you declined 2 of 2.")
			.contains("You answer leads in 4 h on median, slower than the program&#39;s median of 3 h.")
			.contains("One lead expired in this period")
			.contains("id=\"insights-data\"")
			.contains("\"funnel\":{");

		WebSession.Page reversed = browser.get("/insights?range=CUSTOM&from=2026-03-01&to=2026-02-01");
		assertThat(reversed.status()).isEqualTo(200);
		assertThat(reversed.body()).contains("The first day must not be after the last day.")
			.doesNotContain("id=\"insights-data\"");
		assertThat(browser.get("/insights?range=CUSTOM&from=2026-03-01").body())
			.contains("Enter the last day of the custom period.");
	}

	@Test
	void theVendorsPageLoadsTheSlowestRespondersAfterItselfAndPartnersMayNotAskForThem() {
		TestUser vera = this.users.create(this.program.vendor(), "Vera Vendor", Role.VENDOR_ADMIN);
		WebSession browser = new WebSession(this.port);
		browser.signIn(vera.email(), TestUsers.PASSWORD);

		WebSession.Page page = browser.get("/insights?range=SIX_MONTHS");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("hx-get=\"/insights/slowest?range=SIX_MONTHS")
			.doesNotContain("id=\"slowest-responders\"");
		WebSession.Page slowest = browser.get("/insights/slowest?range=SIX_MONTHS");
		assertThat(slowest.status()).isEqualTo(200);
		assertThat(slowest.body()).contains("id=\"slowest-responders\"").contains(this.program.contoso().name());
		assertThat(slowest.body().indexOf(this.program.contoso().name())).as("Contoso (4 h) before Fabrikam (1 h)")
			.isLessThan(slowest.body().indexOf(this.program.fabrikam().name()));

		TestUser anna = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
		WebSession partner = new WebSession(this.port);
		partner.signIn(anna.email(), TestUsers.PASSWORD);
		assertThat(partner.get("/insights/slowest").status()).isEqualTo(403);
	}

	private LeadFigures lastThreeMonths(Caller caller) {
		Instant to = this.clock.instant().plusSeconds(1);
		return this.analytics.figures(caller, new FigureCriteria(to.minus(Duration.ofDays(90)), to, null, null));
	}

	private Referral send(Location location, Qualification qualification, String industry) {
		NewReferral spec = ReferralSpecs.qualified(location);
		return this.management.send(this.vendorAdmin,
				new NewReferral(spec.target(), qualification, spec.type(), spec.name(), spec.campaignId(),
						spec.customer(), spec.consent(),
						new Requirements(List.of(industry), List.of(), List.of(), List.of()), spec.notes(),
						spec.estimatedValue(), spec.closingAt(), spec.contactRequested(), spec.inviteNotes()),
				Source.API);
	}

	private void accept(Caller partner, Referral referral, String value, String currency) {
		this.management.accept(partner, referral.id(), DealDetails.of("Deal", Money.of(new BigDecimal(value), currency),
				Instant.parse("2027-06-01T00:00:00Z"), "Notes", null, null), List.of(), Source.API, null);
	}

	/** The Monday (UTC) of the week a moment falls in. */
	private static LocalDate week(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

}
