package org.leadrelay.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.shared.OrganizationId;

/**
 * Every field of a {@link Referral}, as stored: what the repository reads a referral back
 * from.
 */
record ReferralState(ReferralId id, OrganizationId organizationId, OrganizationId vendorOrganizationId,
		LocationId locationId, UUID engagementId, Qualification qualification, ReferralType type, Consent consent,
		Requirements requirements, @Nullable String inviteNotes, @Nullable String customerRequest, String createdBy,
		String createdByName, Instant createdAt, Instant expiresAt, @Nullable Instant contactRequestedAt,
		Customer customer, @Nullable String name, @Nullable String externalReferenceId, @Nullable String campaignId,
		Substatus substatus, @Nullable String statusReason, @Nullable String notes, @Nullable Money dealValue,
		@Nullable Instant closingAt, List<TeamMember> team, @Nullable Instant acceptedAt, @Nullable Instant closedAt,
		Instant updatedAt, int version, ReferralAttributes attributes, Engagement engagement,
		@Nullable DealStage stage) {
}
