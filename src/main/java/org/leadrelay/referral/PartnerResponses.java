package org.leadrelay.referral;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.OrganizationId;

/**
 * How a partner answered the leads it received in a period.
 *
 * @param answered leads it accepted or declined
 * @param expired leads it let expire
 * @param medianResponseTime the median time from receiving a lead to accepting or
 * declining it; null if it answered none
 */
public record PartnerResponses(OrganizationId organizationId, int answered, int expired,
		@Nullable Duration medianResponseTime) {
}
