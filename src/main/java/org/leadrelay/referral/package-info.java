/**
 * Referrals (leads) and their lifecycle: received, accepted or declined or expired, won
 * or lost. {@link org.leadrelay.referral.ReferralManagement} changes them,
 * {@link org.leadrelay.referral.ReferralSearch} reads them, and every change is published
 * as a {@link org.leadrelay.referral.ReferralEvent}.
 */
@ApplicationModule(displayName = "Referrals", allowedDependencies = { "identity", "partner", "platform", "shared" })
@NullMarked
package org.leadrelay.referral;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
