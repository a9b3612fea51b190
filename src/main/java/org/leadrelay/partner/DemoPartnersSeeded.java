package org.leadrelay.partner;

import java.util.List;

import org.leadrelay.shared.OrganizationId;

/**
 * Published once, synchronously, when demo organizations were created on an empty
 * database, so that other modules add their part of the demo (clients, users, referrals).
 */
public record DemoPartnersSeeded(OrganizationId vendor, List<Organization> partners, List<Location> locations) {

	public Organization partner(String name) {
		return this.partners.stream()
			.filter(partner -> partner.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No demo partner " + name));
	}

	public List<Location> locationsOf(Organization partner) {
		return this.locations.stream().filter(location -> location.organizationId().equals(partner.id())).toList();
	}

}
