/**
 * Demo data for trying LeadRelay out: on an empty database in demo mode it creates a
 * vendor with its partners, their users and API clients, and referrals with histories,
 * all through the other modules' public APIs. Nothing depends on this module: without it
 * LeadRelay starts empty.
 */
@ApplicationModule(displayName = "Demo data",
		allowedDependencies = { "platform", "shared", "partner", "identity", "referral", "referral :: registration" })
@NullMarked
package org.leadrelay.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
