package org.leadrelay.referral.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Co-sell settings ({@code leadrelay.cosell.*}).
 *
 * @param protectionWindow how far apart two partners' deals or registrations on the same
 * customer and product may be created and still be a channel conflict
 */
@ConfigurationProperties("leadrelay.cosell")
public record CoSellProperties(@DefaultValue("P90D") Duration protectionWindow) {

	public CoSellProperties {
		if (protectionWindow.isNegative() || protectionWindow.isZero()) {
			throw new IllegalArgumentException("leadrelay.cosell.protection-window must be positive");
		}
	}

}
