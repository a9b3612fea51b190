package org.leadrelay.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.leadrelay.marketplace.Marketplace;
import org.leadrelay.platform.PublicUrl;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;

import org.springframework.stereotype.Component;

/**
 * Finds other partners for a customer whose inquiry was declined or went unanswered, the
 * way the marketplace matches them (the inquiry's tags, the customer's country), with
 * links to their pages.
 */
@Component
class AlternativePartners {

	static final int MAX = 3;

	private final Marketplace marketplace;

	private final PublicUrl publicUrl;

	AlternativePartners(Marketplace marketplace, PublicUrl publicUrl) {
		this.marketplace = marketplace;
		this.publicUrl = publicUrl;
	}

	/**
	 * For the customer of each inquiry of a batch (see
	 * {@link Marketplace#alternativesFor(List, int)}).
	 */
	Map<ReferralId, List<Alternative>> forCustomersOf(List<Referral> inquiries) {
		Map<ReferralId, List<Alternative>> alternatives = new HashMap<>();
		this.marketplace.alternativesFor(inquiries, MAX)
			.forEach((inquiry, suggestions) -> alternatives.put(inquiry,
					suggestions.stream()
						.map(suggestion -> new Alternative(suggestion.name(), suggestion.city(), suggestion.country(),
								this.publicUrl.of(suggestion.path())))
						.toList()));
		return alternatives;
	}

}
