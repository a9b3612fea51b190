package org.leadrelay.notification;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.DealStage;
import org.leadrelay.referral.Money;
import org.leadrelay.shared.OrganizationId;

/**
 * What a notice says beyond the referral itself; each kind fills in its part.
 *
 * @param reason a decline or lost reason code
 * @param notes the partner's words on a decline
 * @param dealValue the value of a won deal
 * @param timeLeft until a reminded referral expires
 * @param alternatives other partners for a customer
 * @param statusLink the private page where a customer follows an inquiry
 * @param counterpart the other side of a deal: who invited, or who answered
 * @param stage the sales stage the invited organization's side of a deal is at
 */
record NoticeDetails(@Nullable String reason, @Nullable String notes, @Nullable Money dealValue,
		@Nullable Duration timeLeft, List<Alternative> alternatives, @Nullable String statusLink,
		@Nullable OrganizationId counterpart, @Nullable DealStage stage) {

	static final NoticeDetails NONE = new NoticeDetails(null, null, null, null, List.of(), null, null, null);

	static NoticeDetails reason(@Nullable String reason, @Nullable String notes) {
		return new NoticeDetails(reason, notes, null, null, List.of(), null, null, null);
	}

	static NoticeDetails dealValue(@Nullable Money value) {
		return new NoticeDetails(null, null, value, null, List.of(), null, null, null);
	}

	static NoticeDetails timeLeft(Duration timeLeft) {
		return new NoticeDetails(null, null, null, timeLeft, List.of(), null, null, null);
	}

	static NoticeDetails alternatives(List<Alternative> alternatives) {
		return new NoticeDetails(null, null, null, null, List.copyOf(alternatives), null, null, null);
	}

	static NoticeDetails statusLink(String link) {
		return new NoticeDetails(null, null, null, null, List.of(), link, null, null);
	}

	/** An invitation to a deal, from the organization that invited. */
	static NoticeDetails invitedBy(OrganizationId inviter) {
		return new NoticeDetails(null, null, null, null, List.of(), null, inviter, null);
	}

	/**
	 * What the invited organization did with its side of a deal: its stage now, and the
	 * reason of a decline or loss.
	 */
	static NoticeDetails answer(OrganizationId invited, @Nullable DealStage stage, @Nullable String reason) {
		return new NoticeDetails(reason, null, null, null, List.of(), null, invited, stage);
	}

}
