package org.leadrelay.routing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.SimilarLeads;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Component;

/**
 * Every location of the vendor's program as a candidate, built from the partner module's
 * API and the responsiveness scores, not from the candidate statements under test.
 */
@Component
class ProgramCandidates {

	private final Organizations organizations;

	private final BusinessProfiles profiles;

	private final Responsiveness responsiveness;

	ProgramCandidates(Organizations organizations, BusinessProfiles profiles, Responsiveness responsiveness) {
		this.organizations = organizations;
		this.profiles = profiles;
		this.responsiveness = responsiveness;
	}

	/** Each with the history {@code history} gives its partner. */
	List<Candidate> of(Caller vendor, Function<OrganizationId, SimilarLeads> history) {
		Map<OrganizationId, ResponsivenessScore> scores = this.responsiveness.withHistory()
			.stream()
			.collect(Collectors.toMap(ResponsivenessScore::organizationId, Function.identity()));
		Map<String, BusinessProfile> profiles = this.profiles.list(vendor)
			.stream()
			.collect(Collectors.toMap(profile -> profile.organizationId().value() + "/" + profile.region(),
					Function.identity()));
		return this.organizations.visibleTo(vendor)
			.stream()
			.filter(partner -> partner.organization().isPartner())
			.flatMap(partner -> partner.locations().stream().map(location -> {
				OrganizationId id = partner.organization().id();
				BusinessProfile profile = profiles.get(id.value() + "/" + location.region());
				return new Candidate(new Place(location.id(), id, location.name(), location.city(), location.country()),
						partner.organization().name(), profile == null ? Expertise.NONE : profile.details().expertise(),
						profile == null ? CompanySize.current() : profile.details().customerSizes(),
						scores.getOrDefault(id, ResponsivenessScore.neutral(id)), history.apply(id));
			}))
			.toList();
	}

}
