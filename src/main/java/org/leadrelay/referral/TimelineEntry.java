package org.leadrelay.referral;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a referral's history.
 *
 * @param action what happened ({@code received}, {@code accepted}, {@code edited}, ...)
 * @param changes each changed field with its old and new value
 */
public record TimelineEntry(long id, ReferralId referralId, Instant occurredAt, String actorId, String actorName,
		Source source, String action, Map<String, FieldChange> changes) {

	/** A field's value before and after, as text (null when absent). */
	public record FieldChange(@Nullable String from, @Nullable String to) {

		static FieldChange of(@Nullable Object from, @Nullable Object to) {
			return new FieldChange(from == null ? null : from.toString(), to == null ? null : to.toString());
		}

		/** Notes the field's change, if it changed. */
		static void diff(Map<String, FieldChange> changes, String field, @Nullable Object from, @Nullable Object to) {
			if (!Objects.equals(from, to)) {
				changes.put(field, of(from, to));
			}
		}

	}

}
