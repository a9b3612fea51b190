package org.leadrelay.referral.api;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1.0/engagements/referrals}: the writable part of the
 * reference schema. Any other field is refused, so a typo never goes unnoticed.
 */
record CreateReferralRequest(@Nullable String name, @Nullable String campaignId, @Nullable String qualification,
		@Nullable String type, @Nullable List<Target> target, @Nullable CustomerProfile customerProfile,
		@Nullable Consent consent, @Nullable Details details, @Nullable InviteContext inviteContext) {

	record Target(@Nullable String type, @Nullable String id) {
	}

	record CustomerProfile(@Nullable String name, @Nullable Address address, @Nullable String size,
			@Nullable List<Member> team) {
	}

	record Address(@Nullable String addressLine1, @Nullable String addressLine2, @Nullable String city,
			@Nullable String state, @Nullable String postalCode, @Nullable String country) {
	}

	record Member(@Nullable String firstName, @Nullable String lastName, @Nullable String phoneNumber,
			@Nullable String email) {
	}

	record Consent(@Nullable Boolean consentToContact, @Nullable Boolean consentToToShareInfoWithOthers) {
	}

	record Details(@Nullable String notes, @Nullable BigDecimal dealValue, @Nullable String currency,
			@Nullable String closingDateTime, @Nullable Boolean customerRequestedContact,
			@Nullable Requirements requirements) {
	}

	record Requirements(@Nullable List<Tag> industries, @Nullable List<Tag> products, @Nullable List<Tag> services,
			@Nullable List<String> solutions) {
	}

	record Tag(@Nullable String id) {
	}

	record InviteContext(@Nullable String notes) {
	}

}
