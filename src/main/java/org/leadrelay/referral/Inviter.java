package org.leadrelay.referral;

import org.leadrelay.shared.OrganizationId;

/**
 * The organization that invited the owner of an invitation into its deal, and the id of
 * its own record of that deal (in the same engagement).
 */
public record Inviter(OrganizationId organizationId, ReferralId referralId) {

}
