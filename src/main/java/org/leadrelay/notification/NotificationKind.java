package org.leadrelay.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.OrganizationKind;

/**
 * What a notification is about. Users choose per kind whether they also want it by email.
 */
public enum NotificationKind {

	/** A new referral arrived at one of the partner's locations. */
	NEW_REFERRAL(Audience.PARTNER, true, OrganizationKind.PARTNER),

	/** A new referral whose customer asked to be contacted: the customer is waiting. */
	CONTACT_REQUEST(Audience.PARTNER, true, OrganizationKind.PARTNER),

	/** A Received referral expires soon. */
	EXPIRY_REMINDER(Audience.PARTNER, true, OrganizationKind.PARTNER),

	REFERRAL_DECLINED(Audience.SENDER, true, OrganizationKind.VENDOR),

	REFERRAL_EXPIRED(Audience.SENDER, true, OrganizationKind.VENDOR),

	REFERRAL_WON(Audience.SENDER, true, OrganizationKind.VENDOR),

	REFERRAL_LOST(Audience.SENDER, true, OrganizationKind.VENDOR),

	/** A customer's inquiry arrived: the customer is told where to follow it. */
	INQUIRY_CONFIRMATION(Audience.CUSTOMER, true),

	/**
	 * Another partner invited the organization to its deal (the vendor: asked for help).
	 */
	DEAL_INVITED(Audience.INVITED, true, OrganizationKind.PARTNER, OrganizationKind.VENDOR),

	/** The organization a partner invited to its deal answered or let it expire. */
	DEAL_ACCEPTED(Audience.INVITER, true, OrganizationKind.PARTNER),

	DEAL_DECLINED(Audience.INVITER, true, OrganizationKind.PARTNER),

	DEAL_EXPIRED(Audience.INVITER, true, OrganizationKind.PARTNER),

	/**
	 * The invited organization moved its side of the deal to another sales stage: in-app
	 * only, as a deal worked daily would otherwise flood its inviter's mailbox.
	 */
	DEAL_STAGE_CHANGED(Audience.INVITER, false, OrganizationKind.PARTNER),

	DEAL_WON(Audience.INVITER, true, OrganizationKind.PARTNER),

	DEAL_LOST(Audience.INVITER, true, OrganizationKind.PARTNER);

	/**
	 * Whom its notices speak to among the people of the organizations receiving it (a
	 * declined or expired inquiry speaks to its customer too).
	 */
	private final Audience audience;

	/** Whether it also comes by email (to whoever did not turn that off). */
	private final boolean mailed;

	/** Whose people receive this kind; none for mails to customers only. */
	private final Set<OrganizationKind> recipients;

	NotificationKind(Audience audience, boolean mailed, OrganizationKind... recipients) {
		this.audience = audience;
		this.mailed = mailed;
		this.recipients = Set.of(recipients);
	}

	/**
	 * The kinds that people of an organization of the given kind receive by email, as
	 * they may choose.
	 */
	public static List<NotificationKind> receivedBy(OrganizationKind organization) {
		return Arrays.stream(values()).filter(kind -> kind.mailed && kind.recipients.contains(organization)).toList();
	}

	Audience audience() {
		return this.audience;
	}

	boolean mailed() {
		return this.mailed;
	}

	/** Whether it is about a co-sell deal rather than a lead. */
	boolean aboutDeal() {
		return this.audience == Audience.INVITED || this.audience == Audience.INVITER;
	}

	/** The page of the referral (lead or deal) a notification of this kind is about. */
	public String pathTo(ReferralId referral) {
		return (aboutDeal() ? "/deals/" : "/leads/") + referral;
	}

}
