package org.leadrelay.referral;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a partner's deal created in the past (demo data), as
 * {@link ReferralManagement#recordPast} does for leads: through the same checks and
 * transitions as a real deal, back-dated, publishing no events, since nobody is notified
 * about history. Partner-led and private deals only: they invite nobody.
 */
@Component
@Transactional
public class PastDeals {

	private final DealChecks checks;

	private final ReferralRepository repository;

	PastDeals(DealChecks checks, ReferralRepository repository) {
		this.checks = checks;
		this.repository = repository;
	}

	/**
	 * @param wonAt when the deal was won, or null for a deal still open
	 */
	public Referral record(Caller caller, NewDeal spec, Instant createdAt, @Nullable Instant wonAt) {
		if (spec.type().invites()) {
			throw new IllegalArgumentException("A past deal invites nobody; " + spec.type() + " does");
		}
		OrganizationId vendor = this.checks.requireCreatable(caller, spec);
		Actor creator = Actor.of(caller, Source.UI);
		Referral deal = DealRecords.create(new ReferralId(Ids.newId(createdAt)), spec, caller.organizationId(), vendor,
				creator, createdAt);
		this.repository.insert(deal);
		if (wonAt != null) {
			deal.markWon(creator, wonAt);
			this.repository.update(List.of(deal));
		}
		return deal;
	}

}
