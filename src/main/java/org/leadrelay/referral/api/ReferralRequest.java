package org.leadrelay.referral.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.web.NoNullElements;

/**
 * The body of {@code POST} and {@code PUT /v1.0/engagements/referrals}: every property of
 * the reference schema's {@code Referral}, at every depth, so that a client generated
 * from the reference (which sends them all) is understood. Server-owned properties are
 * typed {@code Object}: accepted whatever they hold, and ignored. A name the reference
 * does not have is refused, so a typo never goes unnoticed, except LeadRelay's own
 * read-only {@code relatedReferrals}, so that a read referral can be sent back as it is.
 * The README's property table says what LeadRelay does with each.
 */
record ReferralRequest(@JsonProperty("@odata.context") @Nullable Object odataContext, @Nullable Object id,
		@Nullable Object engagementId, @Nullable Object eTag, @Nullable Object organizationId,
		@Nullable Object organizationName, @Nullable Object createdDateTime, @Nullable Object updatedDateTime,
		@Nullable Object expirationDateTime, @Nullable Object acceptedDateTime, @Nullable Object closedDateTime,
		@Nullable Object lastModifiedVia, @Nullable Object lastRunId, @Nullable Object links,
		@Nullable Object registrations, @Nullable Object registrationStatus, @Nullable Object quality,
		@Nullable Object isSpam, @Nullable Object direction, @Nullable Object mpnId, @Nullable Object relatedReferrals,
		@Nullable String name, @Nullable String externalReferenceId, @Nullable String campaignId,
		@Nullable String status, @Nullable String substatus, @Nullable String statusReason,
		@Nullable String qualification, @Nullable String type, @Nullable Boolean favorite, @Nullable String salesStage,
		@Nullable String referralProgram, @Nullable String referralSource, @Nullable String callToAction,
		@NoNullElements @Nullable List<Object> tags, @NoNullElements @Nullable List<Target> target,
		@NoNullElements @Nullable List<Member> team, @Nullable CustomerProfile customerProfile,
		@Nullable Consent consent, @Nullable Details details, @Nullable InviteContext inviteContext,
		@Nullable TrackingInfo trackingInfo) {

	record Target(@Nullable String type, @Nullable String id) {
	}

	/** {@code ids} are the sender's own, of any JSON shape: kept as sent. */
	record CustomerProfile(@Nullable String name, @Nullable Address address, @Nullable String size,
			@NoNullElements @Nullable List<Member> team, @Nullable List<Object> ids) {
	}

	record Address(@Nullable String addressLine1, @Nullable String addressLine2, @Nullable String city,
			@Nullable String state, @Nullable String postalCode, @Nullable String country, @Nullable String region) {
	}

	/**
	 * LeadRelay's own notification settings apply, so a contact preference is ignored.
	 */
	record Member(@Nullable String firstName, @Nullable String lastName, @Nullable String phoneNumber,
			@Nullable String email, @Nullable ContactPreference contactPreference) {
	}

	record ContactPreference(@Nullable Boolean disableNotifications, @Nullable String locale) {
	}

	record Consent(@Nullable Boolean consentToContact, @Nullable Boolean consentToToShareInfoWithOthers,
			@Nullable Boolean consentToShareReferralWithMicrosoftSellers) {
	}

	record Details(@Nullable String notes, @Nullable BigDecimal dealValue, @Nullable String currency,
			@Nullable String closingDateTime, @Nullable Boolean customerRequestedContact,
			@Nullable String customerAction, @Nullable Requirements requirements) {
	}

	/**
	 * {@code offers} and {@code additionalRequirements} have no shape in the reference.
	 */
	record Requirements(@NoNullElements @Nullable List<Tag> industries, @NoNullElements @Nullable List<Tag> products,
			@NoNullElements @Nullable List<Tag> services, @NoNullElements @Nullable List<String> solutions,
			@Nullable List<Object> offers, @Nullable Object additionalRequirements) {
	}

	record Tag(@Nullable String id) {
	}

	/** {@code invitedBy} is the sender, which LeadRelay knows from the token. */
	record InviteContext(@Nullable String notes, @Nullable String assistanceRequestCode, @Nullable Object invitedBy) {
	}

	record TrackingInfo(@Nullable String microsoftMsxId) {
	}

}
