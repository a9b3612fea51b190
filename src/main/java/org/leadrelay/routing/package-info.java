/**
 * Helps leads find the right partner: each partner's responsiveness (how fast and how
 * reliably it answers leads), which the marketplace ranks by, and recommendations of
 * partner locations for new qualified leads.
 */
@ApplicationModule(displayName = "Routing", allowedDependencies = { "partner", "platform", "referral", "shared" })
@NullMarked
package org.leadrelay.routing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
