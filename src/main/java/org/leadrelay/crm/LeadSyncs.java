package org.leadrelay.crm;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;

import org.springframework.stereotype.Component;

/**
 * Each lead's sync with its CRM, for the lead page
 * ({@code ${@crmLeadSyncs.statusOf(...)}}) and its Retry button.
 */
@Component("crmLeadSyncs")
public class LeadSyncs {

	private final SyncRepository syncs;

	private final ReferralSearch referrals;

	private final Clock clock;

	LeadSyncs(SyncRepository syncs, ReferralSearch referrals, Clock clock) {
		this.syncs = syncs;
		this.referrals = referrals;
		this.clock = clock;
	}

	/**
	 * Where a lead the viewer already sees stands with the CRM; null if it is not synced.
	 */
	public @Nullable LeadSyncStatus statusOf(Referral lead) {
		return this.syncs.status(lead.organizationId(), lead.id().value()).orElse(null);
	}

	/**
	 * Sends a lead to the CRM again now, with a fresh count of attempts. Anyone of the
	 * partner who sees the lead may; another organization's lead is not found.
	 */
	public void retry(Caller caller, ReferralId id) {
		if (!caller.isPartner()) {
			throw DomainException.accessDenied("The partner's CRM is the partner's: only the partner retries");
		}
		Referral lead = this.referrals.get(caller, id).referral();
		if (!this.syncs.retry(lead.organizationId(), id.value(), this.clock.instant())) {
			throw DomainException.notFound("Lead " + id + " is not synced with a CRM");
		}
	}

}
