package org.leadrelay.referral.web;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.LostReason;

/** Marking a worked lead won, or lost with an optional reason. */
record OutcomeForm(@Nullable Integer version, @Nullable LostReason reason) {

}
