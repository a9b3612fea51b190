package org.leadrelay.referral;

import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

/**
 * Someone else changed the referral between reading and writing it; nothing was applied.
 */
public class ReferralChangedException extends DomainException {

	private final String changedBy;

	ReferralChangedException(ReferralId id, String changedBy) {
		super(ErrorCode.RESOURCE_MODIFIED,
				"Referral " + id + " was changed by " + changedBy + " in the meantime; read it again and retry", null);
		this.changedBy = changedBy;
	}

	/** Who made the change that got in the way. */
	public String changedBy() {
		return this.changedBy;
	}

}
