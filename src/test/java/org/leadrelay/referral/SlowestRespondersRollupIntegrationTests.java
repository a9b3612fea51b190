package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.LeadFigures.Responder;
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
 * The vendor's slowest responders read from their roll-up are those a recount from the
 * referrals gives, for every period the page offers and each lead type, with ties on the
 * median, a partner that only let leads expire, answers arriving after the roll-up was
 * built and periods that move on as days pass.
 */
@IntegrationTest
class SlowestRespondersRollupIntegrationTests {

	/** The types a vendor sends (direct leads come from the marketplace). */
	private static final List<Qualification> TYPES = List.of(Qualification.MarketingQualified,
			Qualification.SalesQualified);

	@Autowired
	TestProgram programs;

	@Autowired
	Organizations organizations;

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

	@Autowired
	ReferralProperties properties;

	private Program program;

	private Caller vendor;

	private final Map<Referral, UnaryOperator<LocalDate>> backdated = new LinkedHashMap<>();

	@Test
	void theRollupAgreesWithARecountAsLeadsAreAnsweredAndDaysPass() {
		this.program = this.programs.create();
		this.vendor = new Caller(Caller.Kind.API_CLIENT, "client:vendor", "Vendor CRM", this.program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		String suffix = this.program.vendor().name().substring("Vendor ".length());
		Partner alder = partner("Alder " + suffix);
		Partner birch = partner("Birch " + suffix);
		Partner cedar = partner("Cedar " + suffix);
		Partner dogwood = partner("Dogwood " + suffix);
		Partner elm = partner("Elm " + suffix);
		Partner fir = partner("Fir " + suffix);
		Partner gum = partner("Gum " + suffix);
		Partner hazel = partner("Hazel " + suffix);

		// Alder, Birch and Cedar answer after 90 minutes: the same median, so their names
		// decide, and the fifth place goes to Birch, not Cedar
		for (int i = 0; i < 3; i++) {
			long back = 5 + 20L * i;
			answered(alder, TYPES.get(i % 2), 90, today -> today.minusDays(back), false);
		}
		for (int i = 0; i < 4; i++) {
			long back = 8 + 20L * i;
			answered(birch, TYPES.get(i % 2), 90, today -> today.minusDays(back), i == 3);
		}
		answered(cedar, Qualification.MarketingQualified, 90, today -> today.minusDays(11), false);
		// Dogwood: slow, with leads on the very first day of the three months, which
		// leave that period as days pass
		answered(dogwood, Qualification.MarketingQualified, 600, today -> today.minusMonths(3), false);
		answered(dogwood, Qualification.MarketingQualified, 700, today -> today.minusMonths(3), true);
		answered(dogwood, Qualification.SalesQualified, 180, today -> today.minusDays(40), false);
		answered(dogwood, Qualification.SalesQualified, 200, today -> today.minusMonths(5), false);
		// Elm: an even count (the median halfway between two answers), and one expired
		answered(elm, Qualification.SalesQualified, 100, today -> today.minusDays(3), true);
		answered(elm, Qualification.SalesQualified, 245, today -> today.minusDays(9), false);
		answered(elm, Qualification.MarketingQualified, 130, today -> today.minusMonths(4), false);
		answered(elm, Qualification.MarketingQualified, 95, today -> today.minusMonths(7), false);
		open(elm, Qualification.SalesQualified, today -> today.minusDays(20));
		// Fir is quick; Gum slowest of all, but only in the year
		answered(fir, Qualification.SalesQualified, 5, today -> today.minusDays(2), false);
		answered(fir, Qualification.MarketingQualified, 7, today -> today.minusDays(60), true);
		answered(gum, Qualification.SalesQualified, 900, today -> today.minusMonths(10), false);
		answered(gum, Qualification.MarketingQualified, 1000, today -> today.minusMonths(11), false);
		// Hazel only let leads expire: never listed
		open(hazel, Qualification.MarketingQualified, today -> today.minusDays(25));
		open(hazel, Qualification.SalesQualified, today -> today.minusDays(30));
		// as if they had arrived over the year: moved back with their answers
		LocalDate today = today();
		this.backdated.forEach((lead, day) -> backdate(lead, day.apply(today)));
		this.expiry.run();
		// Cedar's latest lead is still open when the roll-up is built
		Referral waiting = this.management.send(this.vendor, spec(cedar, Qualification.SalesQualified), Source.API);

		assertAgree("built");
		List<Responder> year = this.analytics.slowestResponders(this.vendor, lastMonths(12, null));
		assertThat(year).extracting(Responder::name)
			.containsExactly(gum.name(), dogwood.name(), elm.name(), alder.name(), birch.name());
		assertThat(year.get(3).medianResponseTime()).isEqualTo(year.get(4).medianResponseTime())
			.isEqualTo(Duration.ofMinutes(90));
		assertThat(year.get(2).expired()).isEqualTo(1);
		assertThat(this.analytics.slowestResponders(this.vendor, lastMonths(3, Qualification.MarketingQualified)))
			.extracting(Responder::name)
			.contains(dogwood.name());

		// an answer arrives after the roll-up was built: Cedar now answered after 30
		// hours
		this.clock.advance(Duration.ofHours(30));
		this.management.accept(cedar.caller(), waiting.id(), deal(), List.of(), Source.API, null);
		// a partner answers for the first time, by declining
		Referral declined = this.management.send(this.vendor, spec(fir, Qualification.SalesQualified), Source.API);
		this.clock.advance(Duration.ofHours(50));
		this.management.decline(fir.caller(), declined.id(), "NotOurExpertise", null, Source.API, null);
		assertAgree("after later answers");
		assertThat(this.analytics.slowestResponders(this.vendor, lastMonths(12, null))).extracting(Responder::name)
			.containsExactly(gum.name(), cedar.name(), dogwood.name(), elm.name(), alder.name());

		// leads of a listed partner and of one never listed expire: only the expired
		// counts move, recounted alone
		List<String> expiring = List
			.of(this.management.send(this.vendor, spec(alder, Qualification.MarketingQualified), Source.API),
					this.management.send(this.vendor, spec(alder, Qualification.SalesQualified), Source.API),
					this.management.send(this.vendor, spec(hazel, Qualification.SalesQualified), Source.API))
			.stream()
			.map(lead -> lead.id().value().toString())
			.toList();
		this.clock.advance(this.properties.responseWindow());
		// the sweep also expires other tests' leads: its count says nothing of these
		assertThat(this.expiry.run()).isGreaterThanOrEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from referral where id = any(?::uuid[]) and substatus = 'Expired'")
			.param(expiring.toArray(String[]::new))
			.query(Integer.class)
			.single()).as("the three leads expired").isEqualTo(3);
		assertAgree("after expiries");
		assertThat(this.analytics.slowestResponders(this.vendor, lastMonths(12, null)))
			.filteredOn(responder -> responder.name().equals(alder.name()))
			.singleElement()
			.extracting(Responder::expired)
			.isEqualTo(2L);

		// more days pass; Dogwood's leads of the first day have left the three months
		this.clock.advance(Duration.ofDays(2));
		assertAgree("two days later");
		assertThat(this.analytics.slowestResponders(this.vendor, lastMonths(3, Qualification.MarketingQualified)))
			.extracting(Responder::name)
			.doesNotContain(dogwood.name());
		// a period the roll-up does not keep is counted from the referrals
		FigureCriteria custom = period(today().minusDays(50), today().minusDays(1), null);
		assertThat(this.rollup.slowestResponders(this.rollup.period(this.program.vendor().id(), custom), 5)).isEmpty();
		assertThat(this.analytics.slowestResponders(this.vendor, custom))
			.isEqualTo(this.analytics.recount(this.vendor, custom).slowestResponders())
			.isNotEmpty();
	}

	/**
	 * Every period the page offers, of every lead type: read from the roll-up (which
	 * keeps it) and equal to a recount.
	 */
	private void assertAgree(String when) {
		List<@Nullable Qualification> types = new ArrayList<>(Arrays.asList(Qualification.values()));
		types.add(null);
		for (int months : List.of(3, 6, 12)) {
			for (Qualification type : types) {
				FigureCriteria criteria = lastMonths(months, type);
				List<Responder> shown = this.analytics.slowestResponders(this.vendor, criteria);
				assertThat(this.rollup.slowestResponders(this.rollup.period(this.program.vendor().id(), criteria),
						LeadFigures.LISTED))
					.as("%s: kept for %d months, %s", when, months, type)
					.contains(shown);
				assertThat(shown).as("%s: %d months, %s", when, months, type)
					.isEqualTo(this.analytics.recount(this.vendor, criteria).slowestResponders());
			}
		}
	}

	private Partner partner(String name) {
		Organization organization = this.organizations.registerPartner(this.program.vendor().id(), name);
		Location location = this.organizations.addLocation(organization.id(), name + " office", "Budapest", "HU",
				List.of("leads@partner.example"));
		return new Partner(organization.name(), location, new Caller(Caller.Kind.API_CLIENT, "client:" + name, name,
				organization.id(), OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN)));
	}

	/**
	 * A lead answered after {@code minutes}, to be moved back to noon of a day before
	 * today with its answer.
	 */
	private void answered(Partner partner, Qualification type, long minutes, UnaryOperator<LocalDate> day,
			boolean decline) {
		Referral lead = this.management.send(this.vendor, spec(partner, type), Source.API);
		this.clock.advance(Duration.ofMinutes(minutes));
		if (decline) {
			this.management.decline(partner.caller(), lead.id(), "NotOurExpertise", null, Source.API, null);
		}
		else {
			this.management.accept(partner.caller(), lead.id(), deal(), List.of(), Source.API, null);
		}
		this.backdated.put(lead, day);
	}

	/** A lead nobody answered, to be moved back to noon of a day before today. */
	private void open(Partner partner, Qualification type, UnaryOperator<LocalDate> day) {
		this.backdated.put(this.management.send(this.vendor, spec(partner, type), Source.API), day);
	}

	private void backdate(Referral lead, LocalDate day) {
		String at = day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC).toString();
		this.jdbc.sql("""
				update referral set created_at = ?::timestamptz,
				       accepted_at = accepted_at + (?::timestamptz - created_at),
				       closed_at = closed_at + (?::timestamptz - created_at),
				       expires_at = expires_at + (?::timestamptz - created_at),
				       updated_at = updated_at + (?::timestamptz - created_at)
				where id = ?""").params(at, at, at, at, at, lead.id().value()).update();
	}

	private NewReferral spec(Partner partner, Qualification type) {
		NewReferral spec = ReferralSpecs.qualified(partner.location());
		return new NewReferral(spec.target(), type, spec.type(), spec.name(), spec.campaignId(), spec.customer(),
				spec.consent(), spec.requirements(), spec.notes(), spec.estimatedValue(), spec.closingAt(),
				spec.contactRequested(), spec.inviteNotes());
	}

	private static DealDetails deal() {
		return DealDetails.of("Deal", Money.of(new BigDecimal(1000), "EUR"), Instant.parse("2030-06-01T00:00:00Z"),
				"Notes", null, null);
	}

	/** The period the page offers: ending today, starting {@code months} before. */
	private FigureCriteria lastMonths(int months, @Nullable Qualification type) {
		return period(today().minusMonths(months), today(), type);
	}

	private static FigureCriteria period(LocalDate first, LocalDate last, @Nullable Qualification type) {
		return new FigureCriteria(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
				last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), type, null);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private record Partner(String name, Location location, Caller caller) {
	}

}
