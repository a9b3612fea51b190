package org.leadrelay.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code leadrelay.notifications.*}).
 *
 * @param expiryReminders how long before a Received referral expires its partner is
 * reminded, once per entry
 * @param reminderPollInterval how often the job looks for due reminders
 * @param sentMailRetention how long sent and kept mails stay in the sent-mail view
 */
@ConfigurationProperties("leadrelay.notifications")
record NotificationProperties(@DefaultValue( {
		"P3D", "P1D" }) List<Duration> expiryReminders, @DefaultValue("PT1M") Duration reminderPollInterval,
		@DefaultValue("P30D") Duration sentMailRetention){

	NotificationProperties {
		expiryReminders = List.copyOf(expiryReminders);
		if (expiryReminders.stream().anyMatch(leadTime -> leadTime.isNegative() || leadTime.isZero())) {
			throw new IllegalArgumentException("leadrelay.notifications.expiry-reminders must all be positive");
		}
	}

}
