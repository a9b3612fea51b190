package org.leadrelay.referral;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.SimilarLeadsRecount;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partners' answers to similar leads read from the roll-up agree with a count of the
 * referrals whatever happened since the last fold: leads answered or sent since, a period
 * starting after the roll-up's start, or before it.
 */
@IntegrationTest
class SimilarLeadsIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralStatistics statistics;

	@Autowired
	SimilarLeadsRecount recount;

	@Autowired
	MutableClock clock;

	@Autowired
	ReferralExpiry expiry;

	@Autowired
	ReferralProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRollUpAgreesWithARecountAfterChangesAndForAnyPeriod() {
		Program program = this.programs.create();
		Caller vendor = vendorClient(program);
		Caller contoso = TestProfiles.admin(program.contoso().id());
		Caller fabrikam = TestProfiles.admin(program.fabrikam().id());
		Instant first = this.clock.instant();
		List<Referral> early = List.of(send(vendor, program.budapest(), "Retail", "Dynamics 365"),
				send(vendor, program.budapest(), "Manufacturing", "Azure"),
				send(vendor, program.vienna(), "Retail", "Azure"), send(vendor, program.vienna(), "Healthcare", null));
		this.clock.advance(Duration.ofHours(2));
		accept(fabrikam, early.get(2));
		decline(contoso, early.get(0));
		accept(contoso, early.get(1));
		this.statistics.foldSimilarLeads(first.minusSeconds(60));

		// after the fold: an answer, a win and a new lead
		this.clock.advance(Duration.ofHours(2));
		Instant later = this.clock.instant();
		this.management.markWon(fabrikam, early.get(2).id(), Source.API, null);
		decline(fabrikam, early.get(3));
		Referral late = send(vendor, program.budapest(), "Retail", null);
		accept(contoso, late);

		List<OrganizationId> partners = List.of(program.contoso().id(), program.fabrikam().id());
		for (List<String> tags : List.of(List.of("Retail"), List.of("Azure", "Healthcare"),
				List.of("Manufacturing", "Dynamics 365", "Retail"), List.of("Unknown"))) {
			for (Instant since : List.of(first.minusSeconds(3600), first.minusSeconds(60), first, later)) {
				assertThat(read(program, tags, since, partners)).as("%s since %s", tags, since)
					.isEqualTo(this.recount.of(program.vendor().id(), tags, since));
			}
		}
		assertThat(read(program, List.of("Retail"), first, partners)).containsValues(
				new SimilarLeads(program.fabrikam().id(), 1, 0, 1), new SimilarLeads(program.contoso().id(), 1, 1, 0));

		this.statistics.foldSimilarLeads(first.minusSeconds(60));
		assertThat(read(program, List.of("Retail", "Healthcare"), first, partners))
			.isEqualTo(this.recount.of(program.vendor().id(), List.of("Retail", "Healthcare"), first));
		assertThat(read(program, List.of("Retail"), first, List.of(program.fabrikam().id())))
			.containsOnlyKeys(program.fabrikam().id());
	}

	@Test
	void onlyAChangeToWhatTheRollUpCountsIsRecorded() {
		Program program = this.programs.create();
		Caller vendor = vendorClient(program);
		Instant first = this.clock.instant();
		this.statistics.foldSimilarLeads(first.minusSeconds(60));
		Referral declined = send(vendor, program.budapest(), "Retail", null);
		Referral expired = send(vendor, program.budapest(), "Retail", "Azure");
		assertThat(changes(program.contoso().id())).containsExactlyInAnyOrder("[Retail] 1 0 0 0",
				"[Azure, Retail] 1 0 0 0");
		this.statistics.foldSimilarLeads(first.minusSeconds(60));
		assertThat(changes(program.contoso().id())).isEmpty();

		decline(TestProfiles.admin(program.contoso().id()), declined);
		assertThat(changes(program.contoso().id())).containsExactly("[Retail] 0 0 1 0");
		this.statistics.foldSimilarLeads(first.minusSeconds(60));

		this.clock.advance(this.properties.responseWindow().plusMinutes(1));
		assertThat(this.expiry.sweep()).isPositive();
		assertThat(this.jdbc.sql("select substatus from referral where id = ?")
			.param(expired.id().value())
			.query(String.class)
			.single()).isEqualTo("Expired");
		assertThat(changes(program.contoso().id())).isEmpty();
		assertThat(read(program, List.of("Retail"), first, List.of(program.contoso().id())))
			.isEqualTo(this.recount.of(program.vendor().id(), List.of("Retail"), first))
			.containsValues(new SimilarLeads(program.contoso().id(), 0, 1, 0));
	}

	@Test
	void theRollUpMovesWithItsPeriodAndStaysExact() {
		Program program = this.programs.create();
		Caller vendor = vendorClient(program);
		Caller contoso = TestProfiles.admin(program.contoso().id());
		Caller fabrikam = TestProfiles.admin(program.fabrikam().id());
		Instant first = this.clock.instant();
		Referral leaving = send(vendor, program.budapest(), "Retail", "Azure");
		Referral leavingUnanswered = send(vendor, program.vienna(), "Healthcare", null);
		this.clock.advance(Duration.ofHours(2));
		Instant later = this.clock.instant();
		List<Referral> staying = List.of(send(vendor, program.budapest(), "Retail", null),
				send(vendor, program.vienna(), "Retail", "Azure"), send(vendor, program.vienna(), "Healthcare", null));
		send(vendor, program.budapest(), "Manufacturing", null);
		this.statistics.foldSimilarLeads(first.minusSeconds(60));
		String untouched = version(program.contoso().id(), "{Manufacturing}");

		// changes not folded in yet, to leads that leave the period and to leads that
		// stay
		accept(contoso, leaving);
		accept(contoso, staying.get(0));
		decline(fabrikam, staying.get(1));
		Instant since = first.plus(Duration.ofHours(1));
		this.statistics.foldSimilarLeads(since);

		assertThat(this.jdbc.sql("select since from referral_similar_leads_start")
			.query(Timestamp.class)
			.single()
			.toInstant()).isEqualTo(since.truncatedTo(ChronoUnit.MICROS));
		List<OrganizationId> partners = List.of(program.contoso().id(), program.fabrikam().id());
		for (List<String> tags : List.of(List.of("Retail"), List.of("Azure", "Healthcare"),
				List.of("Healthcare", "Retail", "Azure"))) {
			for (Instant from : List.of(since, later)) {
				assertThat(read(program, tags, from, partners)).as("%s since %s", tags, from)
					.isEqualTo(this.recount.of(program.vendor().id(), tags, from));
			}
		}
		assertThat(rows(program.contoso().id())).as("the leaving lead's set is gone")
			.containsExactlyInAnyOrder("[Retail] 1 1 0 0", "[Manufacturing] 1 0 0 0");
		assertThat(version(program.contoso().id(), "{Manufacturing}")).as("moved, not rebuilt").isEqualTo(untouched);
		assertThat(rows(program.fabrikam().id())).containsExactlyInAnyOrder("[Azure, Retail] 1 0 1 0",
				"[Healthcare] 1 0 0 0");

		// answers after the move fold in as before; one to a lead outside the period is
		// dropped
		accept(fabrikam, staying.get(2));
		decline(fabrikam, leavingUnanswered);
		this.statistics.foldSimilarLeads(since);
		assertThat(read(program, List.of("Healthcare", "Retail"), since, partners))
			.isEqualTo(this.recount.of(program.vendor().id(), List.of("Healthcare", "Retail"), since));
		assertThat(rows(program.fabrikam().id())).containsExactlyInAnyOrder("[Azure, Retail] 1 0 1 0",
				"[Healthcare] 1 1 0 0");
	}

	/** The transaction that last wrote the partner's row of the roll-up for the tags. */
	private String version(OrganizationId partner, String tags) {
		return this.jdbc
			.sql("select xmin::text from referral_similar_leads where organization_id = ? and tags = ?::text[]")
			.params(partner.value(), tags)
			.query(String.class)
			.single();
	}

	/** The partner's rows of the roll-up. */
	private List<String> rows(OrganizationId partner) {
		return counts("referral_similar_leads", partner);
	}

	/** The partner's changes not yet folded in. */
	private List<String> changes(OrganizationId partner) {
		return counts("referral_similar_leads_change", partner);
	}

	/**
	 * The partner's rows of a table of the roll-up's counts: tags, then leads, accepted,
	 * declined and won.
	 */
	private List<String> counts(String table, OrganizationId partner) {
		return this.jdbc.sql("select tags, leads, accepted, declined, won from " + table + " where organization_id = ?")
			.param(partner.value())
			.query((rs, row) -> List.of((String[]) rs.getArray("tags").getArray()) + " " + rs.getInt("leads") + " "
					+ rs.getInt("accepted") + " " + rs.getInt("declined") + " " + rs.getInt("won"))
			.list();
	}

	/** The program's vendor as its API client. */
	private static Caller vendorClient(Program program) {
		return new Caller(Caller.Kind.API_CLIENT, "client:vendor", "Vendor CRM", program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
	}

	private Map<OrganizationId, SimilarLeads> read(Program program, List<String> tags, Instant since,
			List<OrganizationId> partners) {
		return this.statistics.similarLeads(program.vendor().id(), tags, since, partners)
			.stream()
			.collect(Collectors.toMap(SimilarLeads::organizationId, Function.identity()));
	}

	private Referral send(Caller vendor, Location location, String industry, @Nullable String product) {
		NewReferral spec = ReferralSpecs.qualified(location);
		return this.management.send(vendor,
				new NewReferral(spec.target(), spec.qualification(), spec.type(), spec.name(), spec.campaignId(),
						spec.customer(), spec.consent(),
						new Requirements(List.of(industry), product == null ? List.of() : List.of(product), List.of(),
								List.of()),
						spec.notes(), spec.estimatedValue(), spec.closingAt(), spec.contactRequested(),
						spec.inviteNotes()),
				Source.API);
	}

	private void accept(Caller partner, Referral referral) {
		this.management.accept(partner, referral.id(), DealDetails.of("Rollout",
				Money.of(new BigDecimal("20000"), "EUR"), Instant.parse("2027-06-01T00:00:00Z"), "Notes", null, null),
				List.of(), Source.API, null);
	}

	private void decline(Caller partner, Referral referral) {
		this.management.decline(partner, referral.id(), "NotOurExpertise", null, Source.API, null);
	}

}
