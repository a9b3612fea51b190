/**
 * Deal registration and channel-conflict detection (issue 17): a partner registers its
 * won deal with the vendor, whose admin approves or rejects it; two partners' deals or
 * registrations on the same customer and product are flagged for the vendor to decide.
 * Part of the referral module, and internal to it.
 */
@NullMarked
package org.leadrelay.referral.registration;

import org.jspecify.annotations.NullMarked;
