package org.leadrelay.referral;

import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;

/**
 * The referrals a caller may see: a partner those it owns, the vendor those sent in its
 * program. Every read and write goes through a scope, so another organization's referral
 * is simply not found.
 */
record ReferralScope(OrganizationId organizationId, boolean vendor) {

	static ReferralScope of(Caller caller) {
		return new ReferralScope(caller.organizationId(), caller.isVendor());
	}

	/**
	 * The SQL predicate for this scope on table alias {@code r}; its one parameter is
	 * {@link #organizationId()}.
	 */
	String predicate() {
		return this.vendor ? "r.vendor_organization_id = ?" : "r.organization_id = ?";
	}

}
