package org.leadrelay.referral;

import org.leadrelay.shared.OrganizationId;

/**
 * How a partner answered leads like a new one (sharing an industry, product or service
 * with it).
 *
 * @param accepted accepted at some point (so also those won or lost since)
 * @param declined declined
 * @param won reported won
 */
public record SimilarLeads(OrganizationId organizationId, int accepted, int declined, int won) {

	public static SimilarLeads none(OrganizationId organizationId) {
		return new SimilarLeads(organizationId, 0, 0, 0);
	}

}
