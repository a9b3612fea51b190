package org.leadrelay.webhook;

/** What the body of an endpoint's deliveries looks like. */
enum PayloadFormat {

	/** LeadRelay's own camelCase payload ({@code /v1.0/webhooks}). */
	STANDARD,

	/**
	 * The Referrals API's thin PascalCase payload ({@code /webhooks/v1/registration}),
	 * see {@link ReferralsApiPayload}.
	 */
	REFERRALS_API

}
