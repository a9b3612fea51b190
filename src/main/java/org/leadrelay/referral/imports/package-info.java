/**
 * CSV import and export of leads: vendor staff import qualified leads from a file,
 * checked and sent in the background, and download the leads list as a file that imports
 * as it is. A part of the Referrals module that reaches referrals only through its API
 * ({@link org.leadrelay.referral.ReferralManagement},
 * {@link org.leadrelay.referral.ReferralSearch}) and binds rows with the lead form of
 * {@link org.leadrelay.referral.web}; its own tables are {@code lead_import*}.
 */
@NullMarked
package org.leadrelay.referral.imports;

import org.jspecify.annotations.NullMarked;
