package org.leadrelay.referral;

import java.util.Locale;

import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A sales stage change the deal does not allow. Besides the API's English message it is a
 * message of the bundles ({@code coSell.stage.refused.<reason>}), whose arguments are
 * messages too (a stage's name), so that a page says it in the reader's language.
 */
public class DealStageRefusedException extends DomainException implements MessageSourceResolvable {

	private final Reason reason;

	private final Object[] arguments;

	DealStageRefusedException(Reason reason, String message, MessageSourceResolvable... arguments) {
		super(ErrorCode.CONFLICT, message, "salesStage");
		this.reason = reason;
		this.arguments = arguments.clone();
	}

	/** The name of a referral's status in the bundles. */
	static MessageSourceResolvable named(Substatus substatus) {
		return new DefaultMessageSourceResolvable(new String[] { "stage." + substatus.name() }, substatus.name());
	}

	/** The name of a deal's sales stage in the bundles. */
	static MessageSourceResolvable named(DealStage stage) {
		return new DefaultMessageSourceResolvable(new String[] { stage.messageKey() }, stage.name());
	}

	public Reason reason() {
		return this.reason;
	}

	@Override
	public String[] getCodes() {
		return new String[] { "coSell.stage.refused." + this.reason.name().toLowerCase(Locale.ROOT) };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}

	/** Why a stage change is refused. */
	public enum Reason {

		/** The record is a lead, which has no sales stages. */
		LEAD,
		/** The deal is not accepted (yet, or any more). */
		NOT_OPEN,
		/** A deal reaches Won by being marked won, which archives it. */
		WON,
		/** Accepted is where a deal starts; it does not go back there. */
		BACK_TO_ACCEPTED

	}

}
