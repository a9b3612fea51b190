package org.leadrelay.referral;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How a referral recorded after the fact (the demo's history) was answered and how it
 * ended. {@link ReferralManagement#recordPast} applies it through the aggregate's own
 * transitions, so a past referral obeys the same rules as a live one.
 */
public sealed interface PastOutcome {

	/** Not answered (yet). */
	record Unanswered() implements PastOutcome {
	}

	record Declined(String reason, @Nullable String notes, Actor by, Instant at) implements PastOutcome {
	}

	/** Accepted, and still worked when {@code closing} is null. */
	record Accepted(DealDetails deal, Actor by, Instant at, @Nullable Closing closing) implements PastOutcome {
	}

	/** Not answered within the response window. */
	record Expired() implements PastOutcome {
	}

	/** How an accepted referral ended. */
	sealed interface Closing {

		Instant at();

	}

	record Won(Instant at) implements Closing {
	}

	record Lost(@Nullable LostReason reason, Instant at) implements Closing {
	}

}
