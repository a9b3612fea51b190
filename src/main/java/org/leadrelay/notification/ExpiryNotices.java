package org.leadrelay.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.ReferralExpired;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ReferralsExpired;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells about the leads of one expiry sweep batch at once: the batch's leads, their
 * locations and their senders are read in a few queries, and each sender (for a lead an
 * API client sent: the vendor's admins) gets one mail for all their leads of the batch
 * ({@link BatchNoticeDelivery}). The customer of an expired inquiry gets a mail of their
 * own about it with other partners to turn to, all the batch's logged by one insert.
 */
@Component
class ExpiryNotices {

	private final ReferralSearch referrals;

	private final Organizations organizations;

	private final Recipients recipients;

	private final Notices notices;

	private final BatchNoticeDelivery batchDelivery;

	private final MailComposer composer;

	ExpiryNotices(ReferralSearch referrals, Organizations organizations, Recipients recipients, Notices notices,
			BatchNoticeDelivery batchDelivery, MailComposer composer) {
		this.referrals = referrals;
		this.organizations = organizations;
		this.recipients = recipients;
		this.notices = notices;
		this.batchDelivery = batchDelivery;
		this.composer = composer;
	}

	@ApplicationModuleListener(id = "notification.referral-expirations")
	void on(ReferralsExpired batch) {
		Map<ReferralId, UUID> events = batch.expirations()
			.stream()
			.collect(Collectors.toMap(ReferralExpired::referralId, ReferralExpired::eventId, (first, second) -> first));
		List<Referral> expired = this.referrals.findAbout(batch.expirations());
		Map<LocationId, Location> locations = this.organizations
			.findLocations(expired.stream().map(Referral::locationId).collect(Collectors.toSet()));
		Map<String, List<Recipient>> senders = new HashMap<>();
		List<Referral> inquiries = expired.stream()
			.filter(referral -> referral.qualification() == Qualification.Direct)
			.toList();
		this.batchDelivery
			.deliverEach(this.notices.forCustomers(NotificationKind.REFERRAL_EXPIRED, inquiries, events, locations));
		List<Notice> notices = new ArrayList<>();
		for (Referral referral : expired) {
			if (referral.qualification() == Qualification.Direct) {
				continue;
			}
			if (referral.engagement().isCoSell()) {
				// an invitation to a deal: no lead the vendor sent; its inviter hears by
				// webhook, and the vendor must not hear of a deal between partners
				continue;
			}
			List<Recipient> to = senders.computeIfAbsent(referral.vendorOrganizationId() + " " + referral.createdBy(),
					sender -> this.recipients.sender(referral));
			notices.add(new Notice(events.get(referral.id()), NotificationKind.REFERRAL_EXPIRED, Audience.SENDER,
					referral, locations.get(referral.locationId()), NoticeDetails.NONE, to));
		}
		this.batchDelivery.deliver(notices, this.composer::composeExpired);
	}

}
