package org.leadrelay.referral.api;

import java.time.format.DateTimeParseException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralQuery.Cursor;
import org.leadrelay.referral.ReferralSort;
import org.leadrelay.shared.DomainException;

/**
 * The opaque {@code $skiptoken} of a next page: where the previous page ended, for keyset
 * paging that stays fast and stable however deep a client pages.
 */
final class SkipToken {

	private static final String VERSION = "1";

	private static final String NULL = "~";

	private SkipToken() {
	}

	static String encode(Cursor cursor, ReferralSort sort) {
		Object value = cursor.value();
		String text = String.join("|", VERSION, sort.field().name(), sort.descending() ? "d" : "a",
				value == null ? NULL : value.toString(), cursor.id().toString());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static Cursor decode(String token, ReferralSort sort) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
			if (parts.length != 5 || !parts[0].equals(VERSION)) {
				throw invalid();
			}
			ReferralSort.Field field = ReferralSort.Field.valueOf(parts[1]);
			if (field != sort.field() || parts[2].equals("d") != sort.descending()) {
				throw DomainException.invalid("$skiptoken",
						"$skiptoken belongs to another $orderby; keep $orderby as it was when the link was made");
			}
			Object value = parts[3].equals(NULL) ? null
					: (field == ReferralSort.Field.DEAL_VALUE ? new BigDecimal(parts[3]) : Instant.parse(parts[3]));
			return new Cursor(field, value, new ReferralId(UUID.fromString(parts[4])));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw invalid();
		}
	}

	private static DomainException invalid() {
		return DomainException.invalid("$skiptoken",
				"$skiptoken is not one LeadRelay issued; follow @odata.nextLink as given");
	}

}
