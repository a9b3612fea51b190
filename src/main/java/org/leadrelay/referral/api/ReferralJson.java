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
		InviteContext inviteContext, @Nullable String salesStage, @Nullable String referralProgram,
		@Nullable String referralSource, @Nullable String callToAction, @Nullable TrackingInfo trackingInfo,
		List<ReferralTag> tags, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Related> relatedReferrals,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Registration> registrations,
		@Nullable String registrationStatus) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Target(String type, String id) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CustomerProfile(String name, Address address, @Nullable String size, List<Member> team, List<Object> ids) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Address(@Nullable String addressLine1, @Nullable String addressLine2, @Nullable String city,
			@Nullable String state, @Nullable String postalCode, String country, @Nullable String region) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Member(@Nullable String firstName, @Nullable String lastName, @Nullable String phoneNumber, String email) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Consent(boolean consentToContact, boolean consentToToShareInfoWithOthers,
			@Nullable Boolean consentToShareReferralWithMicrosoftSellers) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Details(@Nullable String notes, @Nullable BigDecimal dealValue, @Nullable String currency,
			@Nullable String closingDateTime, boolean customerRequestedContact, @Nullable String customerAction,
			Requirements requirements) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Requirements(List<Tag> industries, List<Tag> products, List<Tag> services, List<String> solutions,
			List<Object> offers, @Nullable Object additionalRequirements) {
	}

	/** A catalogue tag, {@code {"id": "<name>"}} as the reference schema has it. */
	record Tag(String id) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record InviteContext(@Nullable String notes, @Nullable String assistanceRequestCode,
			@Nullable InvitedBy invitedBy) {
	}

	record InvitedBy(String organizationId, String organizationName) {
	}

	record TrackingInfo(String microsoftMsxId) {
	}

	/**
	 * Another organization's record in the same engagement (LeadRelay's addition to the
	 * reference): whose it is and how far it has come, never its fields.
	 *
	 * @param direction the other record's direction for its owner
	 * @param dealStage LeadRelay's finer stage, with its probability in percent
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Related(String organizationId, String organizationName, String direction, String status, String substatus,
			@Nullable String salesStage, @Nullable String dealStage, @Nullable Integer probability) {
	}

	/**
	 * The deal's registration with the vendor (a deal has at most one).
	 *
	 * @param statusReason the vendor's reason for its decision
	 * @param solutionDetails the registered catalogue products, by name as {@code id}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Registration(String id, String registrationDateTime, String status, @Nullable String statusReason,
			Contract contract, List<Solution> solutionDetails) {
	}

	record Contract(BigDecimal value, String currency) {
	}

	record Solution(String id, String name) {
	}

	/**
	 * A referral tag, {@code {"tag": "<name>"}}: the reference's items have that property
	 * (and clients generated from it read tags so).
	 */
	record ReferralTag(String tag) {
	}

}
