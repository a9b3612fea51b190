package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program figures read from the daily roll-ups are those a recount from the referrals
 * gives, after a mix of every kind of change, some folded in between and some not yet.
 */
@IntegrationTest
class ReferralAnalyticsRollupIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralAnalytics analytics;

	@Autowired
	ReferralAnalyticsRollup rollup;

	@Autowired
	ExpirySweep expiry;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRollupsAgreeWithARecountAfterEveryKindOfChange() {
		Program program = this.programs.create();
		Caller vendor = vendor(program);
		Caller contoso = partner(program, program.contoso());
		Caller fabrikam = partner(program, program.fabrikam());
		LocalDate first = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);

		// seven weeks of leads, answered after 7 minutes to 36 hours, in the same
		// response-time buckets often enough that medians must be read from referrals
		List<Referral> open = new ArrayList<>();
		for (int i = 0; i < 42; i++) {
			boolean toContoso = i % 3 != 0;
			Referral lead = send(vendor, toContoso ? program.budapest() : program.vienna(),
					i % 2 == 0 ? Qualification.MarketingQualified : Qualification.SalesQualified,
					i % 4 == 0 ? "Retail" : "Manufacturing");
			Caller owner = toContoso ? contoso : fabrikam;
			this.clock.advance(Duration.ofMinutes(7 + 53L * i));
			switch (i % 7) {
				case 0, 1 -> accept(owner, lead, 1000 + i, i % 2 == 0 ? "EUR" : "USD");
				case 2 -> {
					accept(owner, lead, 5000, "EUR");
					this.management.markWon(owner, lead.id(), Source.API, null);
				}
				case 3 -> {
					accept(owner, lead, 7000, "HUF");
					this.management.markLost(owner, lead.id(), LostReason.LostToCompetitor, Source.API, null);
				}
				case 4 -> this.management.decline(owner, lead.id(), "NotOurExpertise", null, Source.API, null);
				case 5 -> {
					accept(owner, lead, 2000, "EUR");
					// an edit of the deal moves value from one currency to another
					this.management.edit(owner, lead.id(), deal(3000 + i, "USD"), Source.API, null);
				}
				default -> open.add(lead);
			}
			if (i == 20) {
				assertThat(this.rollup.catchUp(Integer.MAX_VALUE)).as("days folded in the middle").isPositive();
			}
			this.clock.advance(Duration.ofHours(11));
		}
		// some of the open ones expire
		this.clock.advance(Duration.ofDays(12));
		this.expiry.run();
		send(vendor, program.budapest(), Qualification.MarketingQualified, "Retail");

		Instant end = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC)
			.plusDays(1)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
		List<FigureCriteria> periods = new ArrayList<>(List.of(new FigureCriteria(start, end, null, null),
				// starting on a Thursday cuts a week in two
				new FigureCriteria(start.plus(Duration.ofDays(3)), end.minus(Duration.ofDays(9)), null, null)));
		periods.add(new FigureCriteria(start, end, Qualification.MarketingQualified, null));
		periods.add(new FigureCriteria(start, end, Qualification.SalesQualified, null));
		for (FigureCriteria period : periods) {
			LeadFigures rolledUp = this.analytics.figures(vendor, period);
			assertThat(rolledUp).as("%s", period).isEqualTo(this.analytics.recount(vendor, period));
			assertThat(this.analytics.figures(contoso, period).programMedianResponseTime()).as("program median")
				.isEqualTo(this.analytics.recount(contoso, period).programMedianResponseTime());
		}
		LeadFigures whole = this.analytics.figures(vendor, periods.get(0));
		assertThat(whole.outcomes().received()).isEqualTo(43);
		assertThat(whole.outcomes().expired()).isPositive();
		assertThat(whole.responseTimeTrend()).hasSizeGreaterThan(2);
		assertThat(whole.pipeline()).as("EUR and USD; HUF only on lost deals").hasSize(2);
		assertThat(whole.medianResponseTime()).isNotNull();
	}

	@Test
	void anExpiryMovesItsDayByItsDifferenceAndAChangeOfNothingCountedMarksNoDay() {
		Program program = this.programs.create();
		Caller vendor = vendor(program);
		Caller contoso = partner(program, program.contoso());
		LocalDate first = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<Referral> leads = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			leads.add(send(vendor, i % 2 == 0 ? program.budapest() : program.vienna(),
					i % 3 == 0 ? Qualification.MarketingQualified : Qualification.SalesQualified, "Retail"));
			this.clock.advance(Duration.ofHours(9));
		}
		accept(contoso, leads.get(0), 1000, "EUR");
		this.rollup.catchUp(Integer.MAX_VALUE);

		this.management.addTeamMember(contoso, leads.get(0).id(),
				TeamMember.of("team", "Bence", "Szabo", null, "bence@contoso.example"), Source.API, null);
		assertThat(daysMarked(program)).as("days marked after a team change").isZero();

		// past the response window of 14 days
		this.clock.advance(Duration.ofDays(15));
		assertThat(this.expiry.run()).isGreaterThanOrEqualTo(6);
		assertThat(daysMarked(program)).as("days marked after expiries").isZero();
		assertThat(ofVendor(program,
				"select coalesce(sum(expired), 0) from referral_day_figure_changes where vendor_organization_id = ?"))
			.as("expiries waiting as differences")
			.isEqualTo(6);

		FigureCriteria period = new FigureCriteria(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
				first.plusDays(4).atStartOfDay(ZoneOffset.UTC).toInstant(), null, null);
		LeadFigures rolledUp = this.analytics.figures(vendor, period);
		assertThat(rolledUp).isEqualTo(this.analytics.recount(vendor, period));
		assertThat(rolledUp.outcomes().expired()).isEqualTo(6);
		assertThat(rolledUp.outcomes().open()).isZero();
	}

	@Test
	void aNewLeadMovesItsDayByItsDifferenceAndAnAnswerRecountsTheDayWithoutCountingItTwice() {
		Program program = this.programs.create();
		Caller vendor = vendor(program);
		Caller contoso = partner(program, program.contoso());
		LocalDate first = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		FigureCriteria period = new FigureCriteria(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
				first.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant(), null, null);
		Referral retail = send(vendor, program.budapest(), Qualification.MarketingQualified, "Retail");
		this.rollup.catchUp(Integer.MAX_VALUE);

		List<Referral> leads = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			leads.add(send(vendor, i % 2 == 0 ? program.budapest() : program.vienna(),
					i % 2 == 0 ? Qualification.MarketingQualified : Qualification.SalesQualified,
					i < 3 ? "Retail" : "Manufacturing"));
			this.clock.advance(Duration.ofHours(7));
		}
		assertThat(daysMarked(program)).as("days marked after new leads").isZero();
		assertThat(ofVendor(program,
				"select coalesce(sum(received), 0) from referral_day_keyword_changes "
						+ "where vendor_organization_id = ? and keyword = 'Retail'"))
			.as("Retail's new leads waiting as differences")
			.isEqualTo(3);
		LeadFigures rolledUp = this.analytics.figures(vendor, period);
		assertThat(rolledUp).isEqualTo(this.analytics.recount(vendor, period));
		assertThat(rolledUp.outcomes().received()).isEqualTo(6);
		assertThat(rolledUp.outcomes().open()).isEqualTo(6);

		// declines move their day by their differences too (V164); a win marks the
		// day for a recount, which drops the differences of that day it counts itself
		send(vendor, program.budapest(), Qualification.SalesQualified, "Retail");
		for (Referral declined : List.of(retail, leads.get(0), leads.get(2))) {
			this.management.decline(contoso, declined.id(), "NotOurExpertise", null, Source.API, null);
		}
		assertThat(daysMarked(program)).as("days marked after declines").isZero();
		accept(contoso, leads.get(4), 4000, "EUR");
		this.management.markWon(contoso, leads.get(4).id(), Source.API, null);
		assertThat(daysMarked(program)).as("days marked after a win").isPositive();
		rolledUp = this.analytics.figures(vendor, period);
		assertThat(rolledUp).isEqualTo(this.analytics.recount(vendor, period));
		assertThat(rolledUp.outcomes().received()).isEqualTo(7);
		assertThat(rolledUp.outcomes().declined()).isEqualTo(3);
		assertThat(rolledUp.outcomes().won()).isEqualTo(1);
		assertThat(rolledUp.declinedKeywords()).as("Retail: 3 of its 5 leads declined")
			.contains(new LeadFigures.DeclinedKeyword("Retail", 3, 5));
	}

	@Test
	void anAnswerMovesItsDayByItsDifferenceAndMarksOnlyItsPartner() {
		Program program = this.programs.create();
		Caller vendor = vendor(program);
		Caller contoso = partner(program, program.contoso());
		Caller fabrikam = partner(program, program.fabrikam());
		LocalDate first = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		FigureCriteria period = new FigureCriteria(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
				first.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant(), null, null);
		List<Referral> leads = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			leads.add(send(vendor, i % 2 == 0 ? program.budapest() : program.vienna(),
					i % 3 == 0 ? Qualification.MarketingQualified : Qualification.SalesQualified,
					i < 5 ? "Retail" : "Manufacturing"));
			this.clock.advance(Duration.ofHours(5));
		}
		this.rollup.catchUp(Integer.MAX_VALUE);

		// answers after 1 to 7 hours: five accepted with a deal value, two declined, the
		// last lead left open
		for (int i = 0; i < 7; i++) {
			this.clock.advance(Duration.ofMinutes(61L * (i + 1)));
			Caller owner = i % 2 == 0 ? contoso : fabrikam;
			if (i % 3 == 1) {
				this.management.decline(owner, leads.get(i).id(), "NotOurExpertise", null, Source.API, null);
			}
			else {
				accept(owner, leads.get(i), 1000L * (i + 1), i % 2 == 0 ? "EUR" : "USD");
			}
		}
		assertThat(daysMarked(program)).as("days marked after answers").isZero();
		assertThat(ofVendor(program,
				"select count(distinct organization_id) from referral_responder_stale where vendor_organization_id = ?"))
			.as("partners marked for their responder figures")
			.isEqualTo(2);
		assertThat(ofVendor(program,
				"select coalesce(sum(answered), 0) from referral_day_response_time_changes where vendor_organization_id = ?"))
			.as("answers waiting as differences")
			.isEqualTo(7);

		LeadFigures rolledUp = this.analytics.figures(vendor, period);
		assertThat(rolledUp).isEqualTo(this.analytics.recount(vendor, period));
		assertThat(rolledUp.outcomes().accepted()).isEqualTo(5);
		assertThat(rolledUp.outcomes().declined()).isEqualTo(2);
		assertThat(rolledUp.outcomes().open()).isEqualTo(1);
		assertThat(rolledUp.pipeline()).as("EUR and USD").hasSize(2);
		assertThat(rolledUp.medianResponseTime()).isNotNull();
		assertThat(this.analytics.figures(contoso, period).programMedianResponseTime()).as("program median")
			.isEqualTo(this.analytics.recount(contoso, period).programMedianResponseTime());
		// the three months the page offers, which the responders' roll-up keeps
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		FigureCriteria months = new FigureCriteria(today.minusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant(),
				today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), null, null);
		assertThat(this.analytics.slowestResponders(vendor, months)).as("responders recounted from their marks")
			.hasSize(2)
			.isEqualTo(this.analytics.recount(vendor, months).slowestResponders());
	}

	private int daysMarked(Program program) {
		return ofVendor(program, "select count(*) from referral_figures_stale where vendor_organization_id = ?");
	}

	/** The number a query of the program's vendor ({@code ?}) answers. */
	private int ofVendor(Program program, String sql) {
		return this.jdbc.sql(sql).param(program.vendor().id().value()).query(Integer.class).single();
	}

	private static Caller vendor(Program program) {
		return new Caller(Caller.Kind.API_CLIENT, "client:vendor", "Vendor CRM", program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
	}

	private Caller partner(Program program, org.leadrelay.partner.Organization organization) {
		return new Caller(Caller.Kind.API_CLIENT, "client:" + organization.name(), organization.name(),
				organization.id(), OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
	}

	private Referral send(Caller vendor, Location location, Qualification qualification, String industry) {
		NewReferral spec = ReferralSpecs.qualified(location);
		return this.management.send(vendor, new NewReferral(spec.target(), qualification, spec.type(), spec.name(),
				spec.campaignId(), spec.customer(), spec.consent(),
				new Requirements(List.of(industry), List.of("Northwind ERP"), List.of(), List.of()), spec.notes(),
				spec.estimatedValue(), spec.closingAt(), spec.contactRequested(), spec.inviteNotes()), Source.API);
	}

	private void accept(Caller partner, Referral referral, long value, String currency) {
		this.management.accept(partner, referral.id(), deal(value, currency), List.of(), Source.API, null);
	}

	private static DealDetails deal(long value, String currency) {
		return DealDetails.of("Deal", Money.of(new BigDecimal(value), currency), Instant.parse("2027-06-01T00:00:00Z"),
				"Notes", null, null);
	}

}
