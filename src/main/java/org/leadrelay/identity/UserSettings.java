package org.leadrelay.identity;

import java.time.ZoneId;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a user chose for themselves: the language LeadRelay speaks to them (pages and
 * mails) and the time zone it shows times in.
 *
 * @param zone null until they first sign in or choose one
 */
public record UserSettings(Locale language, @Nullable ZoneId zone) {

}
