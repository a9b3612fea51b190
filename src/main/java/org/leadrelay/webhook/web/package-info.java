/**
 * The webhooks page of the web UI, for a partner's Referrals admins: register endpoints,
 * rotate their secrets, delete them, and read and replay their deliveries.
 */
@NullMarked
package org.leadrelay.webhook.web;

import org.jspecify.annotations.NullMarked;
