package org.leadrelay.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.partner.ProfileDetails;
import org.leadrelay.partner.Region;
import org.leadrelay.referral.SimilarLeads;
import org.leadrelay.routing.CandidateRepository.Bounded;
import org.leadrelay.routing.CandidateRepository.Part;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate stream delivers every location of the program once, best bound first,
 * across its parts: locations whose profile could list a wanted tag (in ASCII or not),
 * profiles that list none or turn the customer's size away, locations without a profile
 * in their region, in the customer's country, its region or elsewhere, of partners with a
 * responsiveness and without; each bound is above the best score the location could
 * reach, by at most 0.0011 (half the score's rounding step spared) unless its profile
 * lists a tag outside ASCII; it reads only part of the program for the first candidate;
 * and once its floor is raised, it delivers only the candidates above it.
 */
@IntegrationTest
class CandidateStreamIntegrationTests {

	private static final List<String> COUNTRIES = List.of("HU", "AT", "US", "JP", "HU", "DE");

	@Autowired
	Organizations organizations;

	@Autowired
	BusinessProfiles profiles;

	@Autowired
	ResponsivenessRepository responsiveness;

	@Autowired
	ProgramCandidates programCandidates;

	@Autowired
	CandidateRepository candidates;

	@Autowired
	MutableClock clock;

	@Test
	void everyLocationOnceBestBoundFirst() {
		Organization vendor = this.organizations.registerVendor("Stream Vendor");
		Caller caller = new Caller(Caller.Kind.API_CLIENT, "client:stream", "Vendor CRM", vendor.id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		List<ResponsivenessScore> scores = new ArrayList<>();
		for (int p = 0; p < 60; p++) {
			Organization partner = this.organizations.registerPartner(vendor.id(), "Partner " + p);
			for (int l = 0; l < 3; l++) {
				this.organizations.addLocation(partner.id(), "Office " + l, "City",
						COUNTRIES.get((p + l * 5) % COUNTRIES.size()), List.of());
			}
			switch (p % 6) {
				case 0 -> profile(partner, Region.EMEA, List.of("Retail"), CompanySize.current());
				case 1 ->
					profile(partner, Region.EMEA, List.of("Healthcare"), EnumSet.of(CompanySize.EMPLOYEES_1_TO_9));
				case 2 -> profile(partner, Region.AMERICAS, List.of(" retail "), CompanySize.current());
				case 3 -> profile(partner, Region.EMEA, List.of("Közszféra"), CompanySize.current());
				case 4 -> profile(partner, Region.EMEA, List.of("Healthcare"), CompanySize.current());
				default -> {
				}
			}
			if (p % 3 != 2) {
				scores
					.add(new ResponsivenessScore(partner.id(), 10, p % 4, Duration.ofHours(p), (p * 37 % 100) / 100.0));
			}
		}
		this.responsiveness.saveAll(scores, this.clock.instant());

		List<RecommendationQuery> queries = List.of(
				new RecommendationQuery(List.of("Retail"), List.of("Dynamics 365"), List.of(), "HU",
						CompanySize.EMPLOYEES_51_TO_250),
				new RecommendationQuery(List.of("healthcare"), List.of(), List.of(), "us", null),
				new RecommendationQuery(List.of(), List.of(), List.of(), null, CompanySize.EMPLOYEES_1_TO_9),
				new RecommendationQuery(List.of(), List.of(), List.of(), null, null));
		for (RecommendationQuery query : queries) {
			Map<LocationId, Double> best = bestScores(caller, query);
			List<Part> parts = this.candidates.parts(vendor.id(), query);
			List<Counted> counted = parts.stream().map(Counted::new).toList();
			CandidateStream stream = new CandidateStream(List.copyOf(counted));
			stream.next();
			assertThat(counted.stream().mapToInt(Counted::read).sum()).as("%s read for the first", query)
				.isLessThan(best.size());

			List<Bounded> all = new ArrayList<>();
			stream = new CandidateStream(this.candidates.parts(vendor.id(), query));
			while (stream.hasNext()) {
				double next = stream.peekBound();
				Bounded bounded = stream.next();
				assertThat(bounded.bound()).isEqualTo(next);
				all.add(bounded);
			}
			assertThat(all).extracting(bounded -> bounded.candidate().place().id())
				.as("%s", query)
				.containsExactlyInAnyOrderElementsOf(best.keySet());
			for (int i = 1; i < all.size(); i++) {
				assertThat(all.get(i).bound()).as("%s at %d", query, i).isLessThanOrEqualTo(all.get(i - 1).bound());
			}
			for (double floor : List.of(all.get(all.size() / 3).bound(), all.get(all.size() - 1).bound())) {
				List<LocationId> read = above(vendor, query, floor);
				assertThat(read).as("%s above %s", query, floor)
					.containsExactlyInAnyOrderElementsOf(all.stream()
						.filter(bounded -> bounded.bound() > floor
								|| bounded.candidate().place().id().equals(read.get(0)))
						.map(bounded -> bounded.candidate().place().id())
						.toList());
			}
			for (Bounded bounded : all) {
				double score = best.get(bounded.candidate().place().id());
				boolean ascii = bounded.candidate()
					.expertise()
					.industries()
					.stream()
					.allMatch(tag -> tag.chars().allMatch(c -> c >= ' ' && c < 0x7f));
				assertThat(bounded.bound()).as("%s %s", query, bounded.candidate().place())
					.isGreaterThan(score)
					.isLessThanOrEqualTo(ascii || query.tags().isEmpty() ? score + 0.0011 : 1.201);
			}
		}
	}

	/**
	 * The candidates of a stream whose floor is raised after its first candidate, that
	 * one included.
	 */
	private List<LocationId> above(Organization vendor, RecommendationQuery query, double floor) {
		CandidateStream stream = new CandidateStream(this.candidates.parts(vendor.id(), query));
		List<LocationId> read = new ArrayList<>(List.of(stream.next().candidate().place().id()));
		stream.raiseFloor(floor);
		while (stream.hasNext()) {
			read.add(stream.next().candidate().place().id());
		}
		return read;
	}

	/**
	 * Each location's score with the best history there is, from the partner module's
	 * API.
	 */
	private Map<LocationId, Double> bestScores(Caller vendor, RecommendationQuery query) {
		return this.programCandidates.of(vendor, id -> new SimilarLeads(id, 100, 0, 100))
			.stream()
			.collect(Collectors.toMap(candidate -> candidate.place().id(),
					candidate -> RankingModel.signals(query, candidate).score()));
	}

	private void profile(Organization partner, Region region, List<String> industries, Set<CompanySize> sizes) {
		this.profiles.create(partner.id(), region, new ProfileDetails(partner.name(), null, null, null,
				new Expertise(industries, List.of(), List.of(), List.of()), sizes));
	}

	/** A part that counts the candidates it reads. */
	private static final class Counted implements Part {

		private final Part part;

		private int read;

		Counted(Part part) {
			this.part = part;
		}

		int read() {
			return this.read;
		}

		@Override
		public double ceiling() {
			return this.part.ceiling();
		}

		@Override
		public List<Bounded> next(double floor) {
			List<Bounded> next = this.part.next(floor);
			this.read += next.size();
			return next;
		}

	}

}
