package org.leadrelay.referral.web;

import java.util.List;

import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.Inviter;
import org.leadrelay.referral.RelatedReferral;
import org.leadrelay.shared.Caller;

import org.springframework.stereotype.Component;

/** Builds a co-sell deal's page from the lead page it extends. */
@Component
class DealPages {

	private final Organizations organizations;

	DealPages(Organizations organizations) {
		this.organizations = organizations;
	}

	DealPage of(Caller caller, LeadPage lead, List<RelatedReferral> related) {
		Inviter inviter = lead.referral().engagement().inviter();
		return DealPage.of(lead, inviter == null ? null : this.organizations.nameOf(inviter.organizationId()),
				related.stream()
					.filter(other -> !other.organizationId().equals(caller.organizationId()))
					.map(other -> new DealPage.Party(this.organizations.nameOf(other.organizationId()), other.origin(),
							other.substatus(), other.stage()))
					.toList());
	}

}
