package org.leadrelay.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

/**
 * The referrals a caller may see (SPEC section 1): a partner's Referrals admin (and its
 * API clients) every referral of the organization, a Referrals user those of the
 * locations they belong to or whose deal team they are on; the vendor admin (and the
 * vendor's API clients) every referral of the program that vendor staff may see
 * ({@link Referral#visibleToVendor()}), vendor sellers and marketing staff the ones they
 * sent, and sellers the vendor's co-sell invitations too. Every read and write goes
 * through a scope, so a referral outside it is simply not found.
 *
 * @param narrowing what further limits the organization's referrals, or null for none
 */
record ReferralScope(OrganizationId organizationId, boolean vendor, @Nullable Narrowing narrowing) {

	static ReferralScope of(Caller caller) {
		if (caller.isVendor()) {
			if (caller.hasRole(Role.VENDOR_ADMIN)) {
				return new ReferralScope(caller.organizationId(), true, null);
			}
			return new ReferralScope(caller.organizationId(), true,
					new SentBy(caller.principalId(), caller.hasRole(Role.VENDOR_SELLER)));
		}
		if (caller.hasRole(Role.REFERRALS_ADMIN)) {
			return new ReferralScope(caller.organizationId(), false, null);
		}
		Narrowing narrowing = caller.hasRole(Role.REFERRALS_USER)
				? caller.userId().<Narrowing>map(LocationsOrDealTeam::new).orElse(new Nothing()) : new Nothing();
		return new ReferralScope(caller.organizationId(), false, narrowing);
	}

	/** Everything a partner organization owns: for LeadRelay's own listeners and jobs. */
	static ReferralScope owner(OrganizationId organizationId) {
		return new ReferralScope(organizationId, false, null);
	}

	/**
	 * The SQL predicate for this scope on table alias {@code r}. The organization comes
	 * first, so every query is led by the tenant key; its parameters are
	 * {@link #params()}.
	 */
	String predicate() {
		String organization = this.vendor ? "r.vendor_organization_id = ? and r.vendor_visible"
				: "r.organization_id = ?";
		return this.narrowing == null ? organization : organization + " and " + this.narrowing.predicate();
	}

	List<Object> params() {
		List<Object> params = new ArrayList<>();
		params.add(this.organizationId.value());
		if (this.narrowing != null) {
			params.addAll(this.narrowing.params());
		}
		return params;
	}

	/** A condition that narrows an organization's referrals down to one person's. */
	sealed interface Narrowing {

		String predicate();

		List<Object> params();

	}

	/**
	 * The referrals a vendor user sent themselves, and for sellers, who answer them, the
	 * vendor's own records of co-sell invitations.
	 */
	record SentBy(String principalId, boolean withInvitations) implements Narrowing {

		@Override
		public String predicate() {
			return this.withInvitations ? "(r.created_by = ? or r.organization_id = r.vendor_organization_id)"
					: "r.created_by = ?";
		}

		@Override
		public List<Object> params() {
			return List.of(this.principalId);
		}

	}

	/**
	 * The referrals of the locations a user belongs to, and those whose deal team lists
	 * the user's email address.
	 */
	record LocationsOrDealTeam(UUID userId) implements Narrowing {

		@Override
		public String predicate() {
			// views the identity module publishes for this join
			return "(r.location_id in (select m.location_id from identity_user_location_v m where m.user_id = ?) "
					+ "or exists (select 1 from jsonb_array_elements(r.team) t join identity_user_email_v u "
					+ "on u.email = lower(t ->> 'email') where u.user_id = ?))";
		}

		@Override
		public List<Object> params() {
			return List.of(this.userId, this.userId);
		}

	}

	/** No referrals at all: a partner user without a referrals role. */
	record Nothing() implements Narrowing {

		@Override
		public String predicate() {
			return "false";
		}

		@Override
		public List<Object> params() {
			return List.of();
		}

	}

}
