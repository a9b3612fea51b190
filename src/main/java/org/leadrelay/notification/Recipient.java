package org.leadrelay.notification;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Someone a notice goes to. A user also gets it in-app and may have turned its email off;
 * an alert address or a customer just gets the mail.
 *
 * @param zone the time zone a mail shows times in: the user's, else UTC
 * @param name how the mail greets them, if it does
 */
record Recipient(String email, Locale locale, ZoneId zone, @Nullable UUID userId, @Nullable String name) {

	static Recipient address(String email, Locale locale) {
		return new Recipient(email, locale, ZoneOffset.UTC, null, null);
	}

}
