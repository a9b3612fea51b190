/**
 * Helps leads find the right partner. For now: each partner's responsiveness (how fast
 * and how reliably it answers leads), which the marketplace ranks by and recommendations
 * for qualified leads will build on.
 */
@ApplicationModule(displayName = "Routing")
@NullMarked
package org.leadrelay.routing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
