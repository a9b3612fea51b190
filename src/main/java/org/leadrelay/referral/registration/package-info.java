/**
 * Deal registration and channel-conflict detection (issue 17): a partner registers its
 * won deal with the vendor, whose admin approves or rejects it; two partners' deals or
 * registrations on the same customer and product are flagged for the vendor to decide.
 * Part of the referral module; its services are a named interface for the demo data.
 */
@NamedInterface("registration")
@NullMarked
package org.leadrelay.referral.registration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
