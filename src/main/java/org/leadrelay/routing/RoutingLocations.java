package org.leadrelay.routing;

import org.leadrelay.partner.PartnerLocationsChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps routing's copy of a partner's locations exact as the partner adds or removes one:
 * in the change's own transaction, so that no recommendation misses a new location or
 * offers a removed one.
 */
@Component
class RoutingLocations {

	private final RoutingLocationRepository copies;

	RoutingLocations(RoutingLocationRepository copies) {
		this.copies = copies;
	}

	@EventListener
	void on(PartnerLocationsChanged changed) {
		this.copies.sync(changed.organizationId());
	}

}
