package org.leadrelay.referral;

import java.time.Duration;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Program settings for referrals ({@code leadrelay.referrals.*}).
 *
 * @param responseWindow how long a partner has to accept or decline before the referral
 * expires
 * @param expiryPollInterval how often the expiry sweep looks for overdue referrals
 * @param expiryBatchSize how many referrals one sweep transaction expires at most
 * @param contactRequestUrgency how long a customer's contact request is shown as urgent
 * @param declineReasons the reasons a partner may give for declining
 * @param defaultCurrency the currency the lead forms offer first (an active ISO 4217
 * code)
 * @param responderLookbackMonths the periods, ending today and starting this many months
 * before, whose slowest responders are kept rolled up: those the insights page offers
 */
@ConfigurationProperties("leadrelay.referrals")
public record ReferralProperties(@DefaultValue("P14D") Duration responseWindow,
		@DefaultValue("PT1M") Duration expiryPollInterval, @DefaultValue("500") int expiryBatchSize,
		@DefaultValue("PT72H") Duration contactRequestUrgency, @DefaultValue( {
				"NotOurExpertise", "CustomerTooSmall", "OutsideOurRegion", "NoCapacity", "CustomerNotReachable",
				"Duplicate", "Spam", "Other" }) List<String> declineReasons,
		@DefaultValue("EUR") Currency defaultCurrency,
		@DefaultValue({ "3", "6", "12" }) List<Integer> responderLookbackMonths){

	public ReferralProperties {
		if (responseWindow.isNegative() || responseWindow.isZero()) {
			throw new IllegalArgumentException("leadrelay.referrals.response-window must be positive");
		}
		if (expiryBatchSize < 1) {
			throw new IllegalArgumentException("leadrelay.referrals.expiry-batch-size must be at least 1");
		}
		declineReasons = List.copyOf(declineReasons);
		responderLookbackMonths = List.copyOf(responderLookbackMonths);
		if (!Currencies.isActive(defaultCurrency.getCurrencyCode())) {
			throw new IllegalArgumentException(
					"leadrelay.referrals.default-currency must be an active ISO 4217 code, not "
							+ defaultCurrency.getCurrencyCode());
		}
	}

	/** Checks a decline reason against the program's list. */
	String requireDeclineReason(@Nullable String code) {
		if (code == null || code.isBlank()) {
			throw DomainException.invalid("statusReason",
					"statusReason is required to decline; use one of " + String.join(", ", this.declineReasons));
		}
		if (!this.declineReasons.contains(code)) {
			throw DomainException.invalid("statusReason", "statusReason '" + code
					+ "' is not a decline reason; use one of " + String.join(", ", this.declineReasons));
		}
		return code;
	}

}
