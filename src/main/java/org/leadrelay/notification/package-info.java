/**
 * Tells people what happened to referrals: emails (SMTP, or kept for the sent-mail view
 * when no SMTP server is configured) and in-app notifications with per-user email
 * preferences, plus reminders before a referral expires. Listens to referral events only,
 * through the event publication registry, and de-duplicates them by event id.
 */
@ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "identity", "marketplace", "partner", "platform", "referral", "shared" })
@NullMarked
package org.leadrelay.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
