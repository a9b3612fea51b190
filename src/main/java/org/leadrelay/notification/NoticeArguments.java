package org.leadrelay.notification;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The words a notice fills into its texts ({@code {0}} to {@code {4}} of the
 * {@code mail/messages} subjects, headlines and intros). An in-app notification stores
 * them, not its title, so that the title is written in its reader's language when shown.
 *
 * @param timeLeft until a reminded referral expires
 */
record NoticeArguments(String customer, String location, String partner, String sender, @Nullable Duration timeLeft) {

	/** As stored with a notification: five texts, the time left in whole minutes. */
	List<String> stored() {
		return List.of(this.customer, this.location, this.partner, this.sender,
				this.timeLeft == null ? "" : Long.toString(this.timeLeft.toMinutes()));
	}

	/** Read back from {@link #stored()}; null for another shape (a changed format). */
	static @Nullable NoticeArguments ofStored(List<String> stored) {
		if (stored.size() != 5) {
			return null;
		}
		String minutes = stored.get(4);
		return new NoticeArguments(stored.get(0), stored.get(1), stored.get(2), stored.get(3),
				minutes.isEmpty() ? null : Duration.ofMinutes(Long.parseLong(minutes)));
	}

}
