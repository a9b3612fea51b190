package org.leadrelay.routing;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organizations;
import org.leadrelay.partner.Organizations.OrganizationWithLocations;
import org.leadrelay.partner.Region;
import org.leadrelay.referral.ReferralStatistics;
import org.leadrelay.referral.SimilarLeads;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranks the partner locations of the vendor's program for a new qualified lead with
 * {@link RankingModel}, best first, each explained in plain words. For vendor staff and
 * the vendor's API clients only.
 */
@Service
public class Recommendations {

	/** How many locations a recommendation lists at most. */
	public static final int MAX = 10;

	private final Organizations organizations;

	private final BusinessProfiles profiles;

	private final Responsiveness responsiveness;

	private final ReferralStatistics statistics;

	private final Explanations explanations;

	private final RoutingProperties properties;

	private final Clock clock;

	Recommendations(Organizations organizations, BusinessProfiles profiles, Responsiveness responsiveness,
			ReferralStatistics statistics, Explanations explanations, RoutingProperties properties, Clock clock) {
		this.organizations = organizations;
		this.profiles = profiles;
		this.responsiveness = responsiveness;
		this.statistics = statistics;
		this.explanations = explanations;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Recommendation> recommend(Caller caller, RecommendationQuery query) {
		if (!caller.isVendor()) {
			throw DomainException.accessDenied("Recommendations are for the vendor's staff");
		}
		Map<OrganizationId, ResponsivenessScore> scores = this.responsiveness.withHistory()
			.stream()
			.collect(Collectors.toMap(ResponsivenessScore::organizationId, Function.identity()));
		Map<OrganizationId, SimilarLeads> histories = this.statistics
			.similarLeads(caller.organizationId(), query.tags(),
					this.clock.instant().minus(this.properties.historyPeriod()))
			.stream()
			.collect(Collectors.toMap(SimilarLeads::organizationId, Function.identity()));
		Map<String, BusinessProfile> profiles = this.profiles.list(caller)
			.stream()
			.collect(Collectors.toMap(profile -> key(profile.organizationId(), profile.region()), Function.identity()));
		return this.organizations.visibleTo(caller)
			.stream()
			.filter(partner -> partner.organization().isPartner())
			.flatMap(partner -> partner.locations()
				.stream()
				.map(location -> candidate(partner, location, profiles, scores, histories)))
			.map(candidate -> recommendation(query, candidate))
			.sorted(Comparator.comparingDouble(Recommendation::score)
				.reversed()
				.thenComparing(Recommendation::partnerName)
				.thenComparing(Recommendation::locationName)
				.thenComparing(recommendation -> recommendation.locationId().value()))
			.limit(MAX)
			.toList();
	}

	private Recommendation recommendation(RecommendationQuery query, Candidate candidate) {
		Signals signals = RankingModel.signals(query, candidate);
		Location location = candidate.location();
		return new Recommendation(location.id(), location.organizationId(), candidate.partnerName(), location.name(),
				location.city(), location.country(), signals.score(), this.explanations.of(query, candidate, signals));
	}

	/** A location without a profile in its region has no tags and turns no size away. */
	private static Candidate candidate(OrganizationWithLocations partner, Location location,
			Map<String, BusinessProfile> profiles, Map<OrganizationId, ResponsivenessScore> scores,
			Map<OrganizationId, SimilarLeads> histories) {
		OrganizationId id = partner.organization().id();
		BusinessProfile profile = profiles.get(key(id, location.region()));
		return new Candidate(location, partner.organization().name(),
				profile == null ? Expertise.NONE : profile.details().expertise(),
				profile == null ? CompanySize.current() : profile.details().customerSizes(),
				scores.getOrDefault(id, ResponsivenessScore.neutral(id)),
				histories.getOrDefault(id, SimilarLeads.none(id)));
	}

	private static String key(OrganizationId organization, Region region) {
		return organization.value() + "/" + region;
	}

}
