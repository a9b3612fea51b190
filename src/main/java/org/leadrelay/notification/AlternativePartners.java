package org.leadrelay.notification;

import java.util.List;

import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.Referral;

import org.springframework.stereotype.Component;

/**
 * Finds other partners for a customer whose inquiry was declined or went unanswered: a
 * simple fit, partners with a location in the customer's country first, then the others,
 * one location per partner. The marketplace's own matching will replace it.
 */
@Component
class AlternativePartners {

	static final int MAX = 3;

	private final Organizations organizations;

	AlternativePartners(Organizations organizations) {
		this.organizations = organizations;
	}

	List<Alternative> forCustomerOf(Referral referral) {
		return this.organizations
			.otherPartners(referral.vendorOrganizationId(), referral.organizationId(),
					referral.customer().address().country(), MAX)
			.stream()
			.map(location -> new Alternative(this.organizations.nameOf(location.organizationId()), location.city(),
					location.country()))
			.toList();
	}

}
