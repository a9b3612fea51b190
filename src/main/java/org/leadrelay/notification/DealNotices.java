package org.leadrelay.notification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.DealStage;
import org.leadrelay.referral.EngagementEvent;
import org.leadrelay.referral.EngagementEvent.RelatedReferralCreated;
import org.leadrelay.referral.EngagementEvent.RelatedReferralUpdated;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralSearch;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns co-sell events into notices: an invitation for the invited organization, and
 * every answer and later move of the invited side for the partner that invited it. Only
 * the two organizations of the deal hear of it: a deal between partners tells no vendor
 * staff, and {@link Notices#forSender} keeps the vendor's lead notices for leads.
 */
@Component
class DealNotices {

	private final ReferralSearch referrals;

	private final Organizations organizations;

	private final Recipients recipients;

	private final NoticeDelivery delivery;

	DealNotices(ReferralSearch referrals, Organizations organizations, Recipients recipients, NoticeDelivery delivery) {
		this.referrals = referrals;
		this.organizations = organizations;
		this.recipients = recipients;
		this.delivery = delivery;
	}

	@ApplicationModuleListener(id = "notification.deal-notices")
	void on(EngagementEvent event) {
		if (event instanceof RelatedReferralCreated) {
			this.referrals.findOwnedBy(event.organizationId(), event.referralId()).ifPresent(invitation -> {
				Location location = location(invitation);
				this.delivery.deliver(new Notice(event.eventId(), NotificationKind.DEAL_INVITED, Audience.INVITED,
						invitation, location, NoticeDetails.invitedBy(event.inviter().organizationId()),
						this.recipients.invited(invitation, location)));
			});
		}
		else if (event instanceof RelatedReferralUpdated updated) {
			NotificationKind kind = kindOf(updated);
			this.referrals.findOwnedBy(event.inviter().organizationId(), event.inviter().referralId())
				.ifPresent(deal -> this.delivery
					.deliver(new Notice(noticeId(updated), kind, Audience.INVITER, deal, location(deal),
							NoticeDetails.answer(updated.organizationId(), updated.stage(), updated.reason()),
							this.recipients.inviter(deal))));
		}
	}

	/**
	 * What the invited side did: accepting enters the first stage, which a later move
	 * never returns to.
	 */
	private static NotificationKind kindOf(RelatedReferralUpdated updated) {
		return switch (updated.substatus()) {
			case Accepted -> updated.stage() == DealStage.Accepted ? NotificationKind.DEAL_ACCEPTED
					: NotificationKind.DEAL_STAGE_CHANGED;
			case Declined -> NotificationKind.DEAL_DECLINED;
			case Expired -> NotificationKind.DEAL_EXPIRED;
			case Won -> NotificationKind.DEAL_WON;
			case Lost -> NotificationKind.DEAL_LOST;
			case Received -> throw new IllegalStateException("An invitation is Received only when it arrives");
		};
	}

	/**
	 * The event's id told apart by what it says: one change may answer and move the
	 * invited side at the same instant (accepted and moved on, or marked won), which the
	 * event's own id, from its record and time, does not distinguish.
	 */
	private static UUID noticeId(RelatedReferralUpdated updated) {
		return UUID.nameUUIDFromBytes((updated.eventId() + "|" + updated.substatus() + "|" + updated.stage())
			.getBytes(StandardCharsets.UTF_8));
	}

	private @Nullable Location location(Referral referral) {
		return this.organizations.findLocation(referral.locationId()).orElse(null);
	}

}
