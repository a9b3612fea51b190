package org.leadrelay.demo;

import java.util.List;

import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import org.leadrelay.shared.OrganizationId;

/**
 * The demo's organizations, handed from the partners step to the users and referrals
 * steps.
 */
record DemoProgram(OrganizationId vendor, List<Organization> partners, List<Location> locations) {

	Organization partner(String name) {
		return this.partners.stream()
			.filter(partner -> partner.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No demo partner " + name));
	}

	List<Location> locationsOf(Organization partner) {
		return this.locations.stream().filter(location -> location.organizationId().equals(partner.id())).toList();
	}

}
