package org.leadrelay.referral;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.OrganizationId;

/**
 * Another organization's record in the same engagement, as far as this side may see it:
 * whose it is, and how far it has come.
 */
public record RelatedReferral(OrganizationId organizationId, Origin origin, Substatus substatus,
		@Nullable DealStage stage) {

}
