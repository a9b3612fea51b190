package org.leadrelay.notification;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.Referral;
import org.leadrelay.shared.OrganizationId;

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
		String country = referral.customer().address().country();
		Set<OrganizationId> chosen = new HashSet<>();
		chosen.add(referral.organizationId());
		return this.organizations.partnerLocations(referral.vendorOrganizationId())
			.stream()
			.sorted(Comparator.comparing((Location location) -> !location.country().equals(country)))
			.filter(location -> chosen.add(location.organizationId()))
			.limit(MAX)
			.map(location -> new Alternative(this.organizations.nameOf(location.organizationId()), location.city(),
					location.country()))
			.toList();
	}

}
