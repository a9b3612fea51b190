package org.leadrelay.marketplace;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Marketplace settings ({@code leadrelay.marketplace.*}).
 *
 * @param inquiryRateLimit inquiries one client address may send per window; 0 for no
 * limit
 * @param inquiryRateWindow the window of the rate limit
 */
@ConfigurationProperties("leadrelay.marketplace")
record MarketplaceProperties(@DefaultValue("5") int inquiryRateLimit,
		@DefaultValue("PT10M") Duration inquiryRateWindow) {

	MarketplaceProperties {
		if (inquiryRateLimit < 0 || inquiryRateWindow.isNegative() || inquiryRateWindow.isZero()) {
			throw new IllegalArgumentException(
					"leadrelay.marketplace.inquiry-rate-limit must be 0 or more and inquiry-rate-window positive");
		}
	}

}
