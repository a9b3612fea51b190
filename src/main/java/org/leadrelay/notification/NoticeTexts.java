package org.leadrelay.notification;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of notices ({@code mail/messages*.properties}) in a reader's language: what
 * the mails say, and the titles of in-app notifications, which are their mails' subjects
 * written when the notification is shown.
 */
@Component
class NoticeTexts {

	private final MessageSource messages = messageSource();

	MessageSource messages() {
		return this.messages;
	}

	String message(String key, Object @Nullable [] args, Locale locale) {
		return this.messages.getMessage(key, args, locale);
	}

	/** A notice's text such as its {@code subject}, filled with its arguments. */
	String part(Audience audience, NotificationKind kind, String part, NoticeArguments arguments, Locale locale) {
		return message("mail." + audience.key() + "." + kind.name() + "." + part, filling(arguments, locale), locale);
	}

	/** The subject of a notice's mail, on one line. */
	String subject(Audience audience, NotificationKind kind, NoticeArguments arguments, Locale locale) {
		return part(audience, kind, "subject", arguments, locale).replaceAll("\\p{Cntrl}", " ");
	}

	private Object[] filling(NoticeArguments arguments, Locale locale) {
		String sender = arguments.sentByCustomer()
				? message("mail.actor.customer", new Object[] { arguments.sender(locale) }, locale)
				: arguments.sender();
		return new Object[] { arguments.customer(), arguments.location(), arguments.partner(), sender,
				timeLeft(arguments.timeLeft(), locale), arguments.deal(), arguments.counterpart(),
				arguments.stage().isEmpty() ? "" : message("mail.stage." + arguments.stage(), null, locale) };
	}

	private String timeLeft(@Nullable Duration timeLeft, Locale locale) {
		if (timeLeft == null) {
			return "";
		}
		long hours = Math.round(timeLeft.toMinutes() / 60.0);
		return hours >= 24 ? message("mail.timeLeft.days", new Object[] { Math.round(hours / 24.0) }, locale)
				: message("mail.timeLeft.hours", new Object[] { hours }, locale);
	}

	private static MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("mail/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
