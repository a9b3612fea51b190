package org.leadrelay.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.leadrelay.referral.EngagementEvent;
import org.leadrelay.referral.ReferralEvent;

/**
 * The events an endpoint can subscribe to: a referral arrived (or a partner created a
 * deal), or anything about it changed (accepted, declined, expired, edited, won, lost);
 * an organization invited into one of the subscriber's deals got its record of it
 * (related referral created), or answered, let it expire or moved its stage (related
 * referral updated); and, for a Referrals API-style registration, the test event it asks
 * for.
 */
public enum WebhookEvent {

	REFERRAL_CREATED("referral-created"), REFERRAL_UPDATED("referral-updated"),
	RELATED_REFERRAL_CREATED("related-referral-created"), RELATED_REFERRAL_UPDATED("related-referral-updated"),
	TEST_CREATED("test-created");

	private final String eventName;

	WebhookEvent(String eventName) {
		this.eventName = eventName;
	}

	/** The name in the API and in payloads, such as {@code referral-created}. */
	public String eventName() {
		return this.eventName;
	}

	/**
	 * What a Standard Webhooks endpoint subscribes to (test events are sent on request).
	 */
	public static List<WebhookEvent> referralEvents() {
		return List.of(REFERRAL_CREATED, REFERRAL_UPDATED, RELATED_REFERRAL_CREATED, RELATED_REFERRAL_UPDATED);
	}

	public static Optional<WebhookEvent> named(String eventName) {
		return Arrays.stream(values()).filter(event -> event.eventName.equals(eventName)).findFirst();
	}

	static WebhookEvent of(ReferralEvent event) {
		return event instanceof ReferralEvent.ReferralReceived || event instanceof ReferralEvent.DealCreated
				? REFERRAL_CREATED : REFERRAL_UPDATED;
	}

	static WebhookEvent of(EngagementEvent event) {
		return event instanceof EngagementEvent.RelatedReferralCreated ? RELATED_REFERRAL_CREATED
				: RELATED_REFERRAL_UPDATED;
	}

}
