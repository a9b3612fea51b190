package org.leadrelay.routing;

import java.util.Set;

import org.leadrelay.partner.Expertise;
import org.leadrelay.referral.SimilarLeads;
import org.leadrelay.shared.CompanySize;

/**
 * A partner location that could receive a lead, with what the ranking weighs: its
 * profile's tags and sizes (of the location's region), the partner's responsiveness and
 * its history with similar leads.
 */
record Candidate(Place place, String partnerName, Expertise expertise, Set<CompanySize> customerSizes,
		ResponsivenessScore responsiveness, SimilarLeads history) {

	Candidate withHistory(SimilarLeads history) {
		return new Candidate(this.place, this.partnerName, this.expertise, this.customerSizes, this.responsiveness,
				history);
	}

}
