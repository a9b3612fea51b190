package org.leadrelay.referral.api;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

/**
 * Entity tags of referrals: the quoted version, which moves with every change.
 */
final class ETags {

	private ETags() {
	}

	static String of(Referral referral) {
		return "\"" + referral.version() + "\"";
	}

	/**
	 * The version an {@code If-Match} header asks for, null for none or {@code *}; a tag
	 * that cannot match any version fails the precondition.
	 */
	static @Nullable Integer expectedVersion(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			tag = tag.substring(1, tag.length() - 1);
		}
		try {
			return Integer.valueOf(tag);
		}
		catch (NumberFormatException ex) {
			throw new DomainException(ErrorCode.PRECONDITION_FAILED,
					"If-Match " + ifMatch + " does not match the referral's current ETag", "If-Match");
		}
	}

}
