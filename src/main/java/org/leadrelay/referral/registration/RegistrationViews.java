package org.leadrelay.referral.registration;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.Substatus;
import org.leadrelay.shared.OrganizationId;

/**
 * What the registration pages show, read in one query each.
 */
public final class RegistrationViews {

	private RegistrationViews() {
	}

	/**
	 * A registration in the vendor's list, with its deal and whether it is in conflict.
	 */
	public record Row(DealRegistration registration, String dealName, String partnerName, String customerName,
			String country, boolean inConflict) {
	}

	/** One partner's deal as the vendor sees it beside the other in a conflict. */
	public record ConflictDeal(ReferralId referralId, OrganizationId organizationId, String partnerName,
			String dealName, String customerName, String country, List<String> products, @Nullable Money value,
			Substatus substatus, Instant createdAt, @Nullable RegistrationStatus registrationStatus) {
	}

	/** A conflict with both deals, side by side. */
	public record Conflict(ChannelConflict conflict, ConflictDeal first, ConflictDeal second) {
	}

	/**
	 * A page of the vendor's registrations, pending first; numbered from 0, as the shared
	 * pager expects.
	 */
	public record Page(List<Row> rows, int number, int size, long total) {

		public int totalPages() {
			return (int) ((this.total + this.size - 1) / this.size);
		}

		public boolean hasPrevious() {
			return this.number > 0;
		}

		public boolean hasNext() {
			return this.number + 1 < totalPages();
		}

	}

}
