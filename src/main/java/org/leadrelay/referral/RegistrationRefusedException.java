package org.leadrelay.referral;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import org.springframework.context.MessageSourceResolvable;

/**
 * A deal registration the deal does not allow. Besides the API's English message it is a
 * message of the bundles ({@code registration.refused.<reason>}), so that a page says it
 * in the reader's language; a registration asked too early names the moment it becomes
 * possible.
 */
public class RegistrationRefusedException extends DomainException implements MessageSourceResolvable {

	private final Reason reason;

	private final @Nullable Instant registrableFrom;

	RegistrationRefusedException(Reason reason, String message) {
		this(reason, message, null);
	}

	RegistrationRefusedException(Reason reason, String message, @Nullable Instant registrableFrom) {
		super(ErrorCode.CONFLICT, message, "registrations");
		this.reason = reason;
		this.registrableFrom = registrableFrom;
	}

	public Reason reason() {
		return this.reason;
	}

	/** When a deal registered too early can be registered; null for other refusals. */
	public @Nullable Instant registrableFrom() {
		return this.registrableFrom;
	}

	@Override
	public String[] getCodes() {
		return new String[] { "registration.refused." + this.reason.name().toLowerCase(Locale.ROOT) };
	}

	@Override
	public Object[] getArguments() {
		return this.registrableFrom == null ? new Object[0] : new Object[] { Date.from(this.registrableFrom) };
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}

	/** Why a deal cannot be registered. */
	public enum Reason {

		/** Only a partner's own co-sell or partner-led deal is registered. */
		NOT_REGISTRABLE_TYPE,
		/** Only a won deal is registered. */
		NOT_WON,
		/** The deal names no product of the vendor's catalogue. */
		NO_PRODUCT,
		/** The deal was created less than 72 hours ago. */
		TOO_EARLY

	}

}
