package org.leadrelay.notification;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Money;

/**
 * What a notice says beyond the referral itself; each kind fills in its part.
 *
 * @param reason a decline or lost reason code
 * @param notes the partner's words on a decline
 * @param dealValue the value of a won deal
 * @param timeLeft until a reminded referral expires
 * @param alternatives other partners for a customer
 * @param statusLink the private page where a customer follows an inquiry
 */
record NoticeDetails(@Nullable String reason, @Nullable String notes, @Nullable Money dealValue,
		@Nullable Duration timeLeft, List<Alternative> alternatives, @Nullable String statusLink) {

	static final NoticeDetails NONE = new NoticeDetails(null, null, null, null, List.of(), null);

	static NoticeDetails reason(@Nullable String reason, @Nullable String notes) {
		return new NoticeDetails(reason, notes, null, null, List.of(), null);
	}

	static NoticeDetails dealValue(@Nullable Money value) {
		return new NoticeDetails(null, null, value, null, List.of(), null);
	}

	static NoticeDetails timeLeft(Duration timeLeft) {
		return new NoticeDetails(null, null, null, timeLeft, List.of(), null);
	}

	static NoticeDetails alternatives(List<Alternative> alternatives) {
		return new NoticeDetails(null, null, null, null, List.copyOf(alternatives), null);
	}

	static NoticeDetails statusLink(String link) {
		return new NoticeDetails(null, null, null, null, List.of(), link);
	}

}
