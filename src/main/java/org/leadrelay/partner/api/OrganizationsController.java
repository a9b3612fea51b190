package org.leadrelay.partner.api;

import java.util.Locale;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organizations;
import org.leadrelay.partner.Organizations.OrganizationWithLocations;
import org.leadrelay.shared.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets API clients find the partner locations they can send referrals to.
 */
@RestController
@RequestMapping("/v1.0/organizations")
@Tag(name = "Organizations")
class OrganizationsController {

	private final Organizations organizations;

	OrganizationsController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping
	@Operation(summary = "The caller's organization and, for the vendor, its partners with their locations")
	OrganizationList list(Caller caller) {
		return new OrganizationList(
				this.organizations.visibleTo(caller).stream().map(OrganizationsController::toJson).toList());
	}

	private static OrganizationJson toJson(OrganizationWithLocations entry) {
		return new OrganizationJson(entry.organization().id().toString(), entry.organization().name(),
				entry.organization().kind().name().toLowerCase(Locale.ROOT),
				entry.locations().stream().map(OrganizationsController::toJson).toList());
	}

	private static LocationJson toJson(Location location) {
		return new LocationJson(location.id().toString(), location.name(), location.city(), location.country());
	}

	record OrganizationList(List<OrganizationJson> value) {
	}

	record OrganizationJson(String id, String name, String kind, List<LocationJson> locations) {
	}

	record LocationJson(String id, String name, String city, String country) {
	}

}
