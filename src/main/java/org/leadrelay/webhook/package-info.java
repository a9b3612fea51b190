/**
 * Webhooks: a partner's Referrals admins register HTTPS endpoints for their referrals'
 * {@code referral-created} and {@code referral-updated} events. Deliveries are signed per
 * the Standard Webhooks spec, retried on a schedule, logged and can be replayed. Listens
 * to referral events only, through the event publication registry.
 */
@ApplicationModule(displayName = "Webhooks", allowedDependencies = { "platform", "referral", "shared" })
@NullMarked
package org.leadrelay.webhook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
