/**
 * Insights: what happened to a partner's leads (or, for the vendor, to the whole
 * program's) in a period, as charts with table alternatives, and concrete tips drawn from
 * those figures. Reads figures from the referrals module; writes nothing.
 */
@ApplicationModule(displayName = "Insights", allowedDependencies = { "partner", "referral", "shared" })
@NullMarked
package org.leadrelay.insights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
