package org.leadrelay.referral.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A referral as the Referrals API shows it: field names, nesting and JSON types exactly
 * as in the reference schema ({@code partner-center-referrals.swagger.json}). Absent
 * values are omitted rather than sent as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReferralJson(String id, String engagementId, String organizationId, String organizationName,
		@Nullable String name, @Nullable String externalReferenceId, @Nullable String campaignId,
		String createdDateTime, String updatedDateTime, String expirationDateTime, @Nullable String acceptedDateTime,
		@Nullable String closedDateTime, String status, String substatus, @Nullable String statusReason, String type,
		String qualification, String direction, boolean favorite, String eTag, List<Target> target,
		CustomerProfile customerProfile, Consent consent, Details details, List<Member> team,
		InviteContext inviteContext) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Target(String type, String id) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CustomerProfile(String name, Address address, @Nullable String size, List<Member> team) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Address(@Nullable String addressLine1, @Nullable String addressLine2, @Nullable String city,
			@Nullable String state, @Nullable String postalCode, String country) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Member(@Nullable String firstName, @Nullable String lastName, @Nullable String phoneNumber, String email) {
	}

	record Consent(boolean consentToContact, boolean consentToToShareInfoWithOthers) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Details(@Nullable String notes, @Nullable BigDecimal dealValue, @Nullable String currency,
			@Nullable String closingDateTime, boolean customerRequestedContact, Requirements requirements) {
	}

	record Requirements(List<Tag> industries, List<Tag> products, List<Tag> services, List<String> solutions) {
	}

	/** A catalogue tag, {@code {"id": "<name>"}} as the reference schema has it. */
	record Tag(String id) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record InviteContext(@Nullable String notes, @Nullable InvitedBy invitedBy) {
	}

	record InvitedBy(String organizationId, String organizationName) {
	}

}
