package org.leadrelay.crm;

import java.time.Clock;

import org.leadrelay.referral.ReferralEvent.DealChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records that a lead is to be pushed to its organization's CRM when it is accepted,
 * edited, given team members, moved to another sales stage, won or lost, and a partner's
 * own deal when it is created (an invitation when it is accepted): always to the
 * connection of the organization that owns the record, never another's. Only the intent,
 * in the lead's sync row, so that the push itself ({@link OutboundSync}) is retried on
 * its own schedule and sends the lead as it is then. An event delivered twice asks for
 * one more push, which finds nothing to send.
 */
@Component
class ReferralCrmSync {

	private final ConnectionRepository connections;

	private final SyncRepository syncs;

	private final Clock clock;

	ReferralCrmSync(ConnectionRepository connections, SyncRepository syncs, Clock clock) {
		this.connections = connections;
		this.syncs = syncs;
		this.clock = clock;
	}

	@ApplicationModuleListener(id = "crm.referral-sync")
	void on(DealChanged event) {
		this.connections.findOf(event.organizationId())
			.ifPresent(connection -> this.syncs.requestPush(event.organizationId(), event.referralId().value(),
					connection.id(), this.clock.instant()));
	}

}
