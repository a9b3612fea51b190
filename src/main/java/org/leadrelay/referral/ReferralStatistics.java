package org.leadrelay.referral;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Service;

/**
 * Figures over many referrals, computed from their own columns, for LeadRelay's jobs and
 * rankings (responsiveness scores, recommendations); never shown to a caller as
 * referrals.
 */
@Service
public class ReferralStatistics {

	private final ReferralStatisticsRepository repository;

	ReferralStatistics(ReferralStatisticsRepository repository) {
		this.repository = repository;
	}

	/**
	 * For every partner that received leads since {@code since}: how many it answered,
	 * how many expired, and its median response time. A lead is answered when accepted
	 * (the time is its acceptance) or declined (the time is its closing); Received leads
	 * still open count for neither.
	 */
	public List<PartnerResponses> responsesSince(Instant since) {
		return this.repository.findResponsesSince(since);
	}

	/**
	 * For every partner of the vendor's program that received leads since {@code since}
	 * sharing at least one of {@code tags}: how it answered them. Partners without such
	 * leads are left out.
	 */
	public List<SimilarLeads> similarLeads(OrganizationId vendor, Collection<String> tags, Instant since) {
		if (tags.isEmpty()) {
			return List.of();
		}
		return this.repository.findSimilarLeads(vendor, tags, since);
	}

}
