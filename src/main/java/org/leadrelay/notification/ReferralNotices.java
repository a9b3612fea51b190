package org.leadrelay.notification;

import java.util.List;
import java.util.UUID;

import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.Noticed;
import org.leadrelay.referral.ReferralEvent.ReferralDeclined;
import org.leadrelay.referral.ReferralEvent.ReferralLost;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralEvent.ReferralWon;
import org.leadrelay.referral.ReferralSearch;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns referral events into notices: a new lead (or a waiting customer) for the partner;
 * a declined, won or lost lead for its vendor sender; a declined inquiry for its
 * customer. Acceptance and edits notify nobody, so they are not listened to; expirations
 * come in batches, to {@link ExpiryNotices}.
 */
@Component
class ReferralNotices {

	private final ReferralSearch referrals;

	private final Notices notices;

	private final NoticeDelivery delivery;

	ReferralNotices(ReferralSearch referrals, Notices notices, NoticeDelivery delivery) {
		this.referrals = referrals;
		this.notices = notices;
		this.delivery = delivery;
	}

	@ApplicationModuleListener(id = "notification.referral-notices")
	void on(Noticed event) {
		this.referrals.findOwnedBy(event.organizationId(), event.referralId())
			.ifPresent(referral -> noticesOf(event, referral).forEach(this.delivery::deliver));
	}

	private List<Notice> noticesOf(Noticed event, Referral referral) {
		UUID id = event.eventId();
		boolean inquiry = referral.qualification() == Qualification.Direct;
		if (event instanceof ReferralReceived received) {
			if (referral.engagement().isInvitation()) {
				return List.of(); // the invitation's own notice tells them (DealNotices)
			}
			return List.of(this.notices.forPartner(id, ReceivedNotices.kindOf(received), referral, NoticeDetails.NONE));
		}
		if (event instanceof ReferralDeclined declined) {
			return inquiry ? List.of(this.notices.forCustomer(id, NotificationKind.REFERRAL_DECLINED, referral))
					: this.notices.forSender(id, NotificationKind.REFERRAL_DECLINED, referral,
							NoticeDetails.reason(declined.reason(), declined.notes()));
		}
		if (event instanceof ReferralWon) {
			return this.notices.forSender(id, NotificationKind.REFERRAL_WON, referral,
					NoticeDetails.dealValue(referral.dealValue()));
		}
		// the last kind of Noticed (a sealed interface; Java 17 has no switch over it)
		ReferralLost lost = (ReferralLost) event;
		return this.notices.forSender(id, NotificationKind.REFERRAL_LOST, referral,
				NoticeDetails.reason(lost.reason() == null ? null : lost.reason().name(), null));
	}

}
