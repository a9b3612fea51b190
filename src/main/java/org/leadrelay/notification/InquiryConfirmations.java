package org.leadrelay.notification;

import org.leadrelay.marketplace.InquiryReceived;
import org.leadrelay.platform.PublicUrl;
import org.leadrelay.referral.ReferralSearch;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Confirms a customer's inquiry by mail, in the language they wrote it in, with the
 * private link to its status page.
 */
@Component
class InquiryConfirmations {

	private final ReferralSearch referrals;

	private final Notices notices;

	private final NoticeDelivery delivery;

	private final PublicUrl publicUrl;

	InquiryConfirmations(ReferralSearch referrals, Notices notices, NoticeDelivery delivery, PublicUrl publicUrl) {
		this.referrals = referrals;
		this.notices = notices;
		this.delivery = delivery;
		this.publicUrl = publicUrl;
	}

	@ApplicationModuleListener(id = "notification.inquiry-confirmations")
	void on(InquiryReceived received) {
		this.referrals.findOwnedBy(received.organizationId(), received.referralId())
			.ifPresent(referral -> this.delivery.deliver(
					this.notices.forInquirer(received.eventId(), referral, statusLink(received), received.locale())));
	}

	/** The status page, in the customer's language even in another browser. */
	private String statusLink(InquiryReceived received) {
		return UriComponentsBuilder.fromUriString(this.publicUrl.of(received.statusPath()))
			.queryParam("lang", received.locale().getLanguage())
			.toUriString();
	}

}
