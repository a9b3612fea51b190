package org.leadrelay.referral.web;

import jakarta.validation.constraints.AssertTrue;
import org.jspecify.annotations.Nullable;

/**
 * Sharing a private deal with the vendor: only once the customer agreed, which the
 * partner confirms.
 */
record DealShareForm(@Nullable Integer version, @AssertTrue @Nullable Boolean consent) {

}
