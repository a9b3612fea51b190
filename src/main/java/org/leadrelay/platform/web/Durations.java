package org.leadrelay.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Response times in plain words for the current request's language ("45 min", "6 h", "3
 * d"), rounded to the unit a reader thinks in; for templates
 * ({@code ${@durations.of(...)}}) and explanations.
 */
@Component("durations")
public class Durations {

	private final MessageSource messages;

	Durations(MessageSource messages) {
		this.messages = messages;
	}

	public String of(@Nullable Duration duration) {
		return of(duration, LocaleContextHolder.getLocale());
	}

	public String of(@Nullable Duration duration, Locale locale) {
		if (duration == null) {
			return "";
		}
		long minutes = Math.round(duration.toSeconds() / 60.0);
		if (minutes < 60) {
			return text(locale, "duration.minutes", minutes);
		}
		long hours = Math.round(minutes / 60.0);
		return hours < 48 ? text(locale, "duration.hours", hours)
				: text(locale, "duration.days", Math.round(hours / 24.0));
	}

	private String text(Locale locale, String key, long amount) {
		return this.messages.getMessage(key, new Object[] { amount }, locale);
	}

}
