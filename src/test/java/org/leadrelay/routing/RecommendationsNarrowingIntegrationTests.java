package org.leadrelay.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.partner.ProfileDetails;
import org.leadrelay.partner.Region;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.SimilarLeads;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.SimilarLeadsRecount;
import org.leadrelay.testing.TestProfiles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recommendations read only the best candidates' history, yet rank exactly as scoring
 * every location would: on a program of 90 specialists that responsiveness and history
 * tell apart and 60 partners of every kind (profiles spelled in any case, a tag outside
 * ASCII, sizes, several locations), each query's ten match those of the straightforward
 * ranking, scores, ties and explanations included.
 */
@IntegrationTest
class RecommendationsNarrowingIntegrationTests {

	private static final List<String> INDUSTRIES = List.of("Retail", "retail", "Manufacturing", "Healthcare",
			"Közszféra");

	private static final List<String> PRODUCTS = List.of("Dynamics 365", "Azure", "AZURE");

	private static final List<String> COUNTRIES = List.of("HU", "HU", "AT", "DE", "US", "JP");

	@Autowired
	Organizations organizations;

	@Autowired
	ProgramCandidates programCandidates;

	@Autowired
	BusinessProfiles profiles;

	@Autowired
	ReferralManagement management;

	@Autowired
	ResponsivenessRefresh responsiveness;

	@Autowired
	SimilarLeadsJob similarLeads;

	@Autowired
	SimilarLeadsRecount recount;

	@Autowired
	Recommendations recommendations;

	@Autowired
	Explanations explanations;

	@Autowired
	RoutingProperties properties;

	@Autowired
	MutableClock clock;

	@Test
	void theTenBestAreThoseOfScoringEveryLocation() {
		Random random = new Random(16);
		Organization vendor = this.organizations.registerVendor("Narrowing Vendor");
		Caller caller = new Caller(Caller.Kind.API_CLIENT, "client:narrowing", "Vendor CRM", vendor.id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		// specialists with the same profile and country: the most responsive (two other
		// leads accepted within hours) fill more than the first batch; those who won two
		// Retail leads, slower to answer, rank below them in SQL and above them once
		// their history is read
		List<Referral> quick = new ArrayList<>();
		List<Referral> won = new ArrayList<>();
		List<Referral> declined = new ArrayList<>();
		for (int p = 0; p < 90; p++) {
			Organization partner = this.organizations.registerPartner(vendor.id(), "Specialist " + p);
			Location location = this.organizations.addLocation(partner.id(), "Office", "Budapest", "HU", List.of());
			this.profiles.create(partner.id(), Region.EMEA,
					new ProfileDetails(partner.name(), null, null, null,
							new Expertise(List.of("Retail"), List.of("Dynamics 365"), List.of(), List.of()),
							CompanySize.current()));
			List<Referral> leads = p % 8 == 3 ? won : p % 7 == 2 ? declined : quick;
			leads.add(send(caller, location, p % 8 == 3 ? "Retail" : "Healthcare", "Dynamics 365"));
			if (leads != declined) {
				leads.add(send(caller, location, p % 8 == 3 ? "Retail" : "Healthcare", "Azure"));
			}
		}
		// the others, of every kind: profiles spelled in any case, in other regions or
		// none
		List<Referral> sent = new ArrayList<>();
		int locations = 90;
		for (int p = 0; p < 60; p++) {
			// a few share a name, so that ties come down to the location
			Organization partner = this.organizations.registerPartner(vendor.id(), "Partner " + (p % 50));
			int count = 1 + random.nextInt(3);
			for (int l = 0; l < count; l++, locations++) {
				Location location = this.organizations.addLocation(partner.id(), "Office " + l, "City",
						COUNTRIES.get(random.nextInt(COUNTRIES.size())), List.of());
				if (random.nextInt(3) == 0) {
					sent.add(send(caller, location, INDUSTRIES.get(random.nextInt(INDUSTRIES.size())),
							PRODUCTS.get(random.nextInt(PRODUCTS.size()))));
				}
			}
			if (random.nextInt(4) > 0) {
				this.profiles.create(partner.id(), random.nextBoolean() ? Region.EMEA : Region.AMERICAS,
						new ProfileDetails(partner.name(), null, null, null,
								new Expertise(some(INDUSTRIES, random), some(PRODUCTS, random), List.of(), List.of()),
								EnumSet.copyOf(List.of(CompanySize.values()[random.nextInt(8)],
										CompanySize.values()[random.nextInt(8)]))));
			}
		}
		this.clock.advance(Duration.ofHours(3));
		quick.forEach(referral -> accept(TestProfiles.admin(referral.organizationId()), referral));
		for (Referral referral : declined) {
			this.management.decline(TestProfiles.admin(referral.organizationId()), referral.id(), "NotOurExpertise",
					null, Source.API, null);
		}
		for (Referral referral : sent) {
			Caller partner = TestProfiles.admin(referral.organizationId());
			switch (random.nextInt(4)) {
				case 0 -> this.management.decline(partner, referral.id(), "NotOurExpertise", null, Source.API, null);
				case 1 -> accept(partner, referral);
				case 2 -> {
					accept(partner, referral);
					this.management.markWon(partner, referral.id(), Source.API, null);
				}
				default -> {
				}
			}
		}
		this.clock.advance(Duration.ofDays(2));
		for (Referral referral : won) {
			accept(TestProfiles.admin(referral.organizationId()), referral);
			this.management.markWon(TestProfiles.admin(referral.organizationId()), referral.id(), Source.API, null);
		}
		this.responsiveness.run();
		this.similarLeads.fold();

		List<RecommendationQuery> queries = List.of(
				new RecommendationQuery(List.of("Retail"), List.of("Dynamics 365"), List.of(), "HU",
						CompanySize.EMPLOYEES_51_TO_250),
				new RecommendationQuery(List.of("retail"), List.of(), List.of(), null, null),
				new RecommendationQuery(List.of("közszféra"), List.of("Azure"), List.of(), "us",
						CompanySize.EMPLOYEES_1_TO_50),
				new RecommendationQuery(List.of(), List.of(), List.of(), "AT", null),
				new RecommendationQuery(List.of("Healthcare", "Manufacturing"), List.of("azure"), List.of(), "JP",
						CompanySize.EMPLOYEES_1_TO_9),
				new RecommendationQuery(List.of("Manufacturing"), List.of(), List.of(), "ZZ", null));
		boolean historyReorders = false;
		for (RecommendationQuery query : queries) {
			List<Recommendation> expected = straightforward(caller, query, true);
			assertThat(this.recommendations.recommend(caller, query)).as("%s", query).isEqualTo(expected);
			historyReorders |= !ids(expected).equals(ids(straightforward(caller, query, false)));
		}
		assertThat(locations).as("more candidates than the first batch").isGreaterThan(Recommendations.FIRST_BATCH);
		assertThat(historyReorders).as("history changes who is among the ten best").isTrue();
	}

	/**
	 * Every location scored, the ten best explained: the ranking before candidates were
	 * narrowed in SQL, with the history counted from the referrals (or left neutral).
	 */
	private List<Recommendation> straightforward(Caller vendor, RecommendationQuery query, boolean withHistory) {
		Instant since = this.properties.historySince(this.clock.instant());
		Map<OrganizationId, SimilarLeads> histories = !withHistory || query.tags().isEmpty() ? Map.of()
				: this.recount.of(vendor.organizationId(), query.tags(), since);
		return this.programCandidates.of(vendor, id -> histories.getOrDefault(id, SimilarLeads.none(id)))
			.stream()
			.map(candidate -> {
				Signals signals = RankingModel.signals(query, candidate);
				Place place = candidate.place();
				return new Recommendation(place.id(), place.organizationId(), candidate.partnerName(), place.name(),
						place.city(), place.country(), signals.score(),
						this.explanations.of(query, candidate, signals));
			})
			.sorted(Comparator.comparingDouble(Recommendation::score)
				.reversed()
				.thenComparing(Recommendation::partnerName)
				.thenComparing(Recommendation::locationName)
				.thenComparing(recommendation -> recommendation.locationId().value()))
			.limit(Recommendations.MAX)
			.toList();
	}

	private static List<Object> ids(List<Recommendation> ranked) {
		return ranked.stream().map(recommendation -> (Object) recommendation.locationId()).toList();
	}

	private static List<String> some(List<String> tags, Random random) {
		return tags.stream().filter(tag -> random.nextInt(3) == 0).toList();
	}

	private Referral send(Caller vendor, Location location, String industry, String product) {
		NewReferral spec = ReferralSpecs.qualified(location);
		return this.management.send(vendor,
				new NewReferral(spec.target(), spec.qualification(), spec.type(), spec.name(), spec.campaignId(),
						spec.customer(), spec.consent(),
						new Requirements(List.of(industry), List.of(product), List.of(), List.of()), spec.notes(),
						spec.estimatedValue(), spec.closingAt(), spec.contactRequested(), spec.inviteNotes()),
				Source.API);
	}

	private void accept(Caller partner, Referral referral) {
		this.management.accept(partner, referral.id(), DealDetails.of("Rollout",
				Money.of(new BigDecimal("20000"), "EUR"), Instant.parse("2027-06-01T00:00:00Z"), "Notes", null, null),
				List.of(), Source.API, null);
	}

}
