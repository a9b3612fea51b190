/**
 * Referrals (leads) and their lifecycle: received, accepted or declined or expired, won
 * or lost. {@link org.leadrelay.referral.ReferralManagement} changes them,
 * {@link org.leadrelay.referral.ReferralSearch} reads them, and every change is published
 * as a {@link org.leadrelay.referral.ReferralEvent}. Its code does not use the identity
 * module; who may see which referral ({@code ReferralScope}) reads that module's
 * published views ({@code identity_user_location_v}, {@code identity_user_email_v}) in
 * SQL.
 */
@ApplicationModule(displayName = "Referrals", allowedDependencies = { "partner", "platform", "shared" })
@NullMarked
package org.leadrelay.referral;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
