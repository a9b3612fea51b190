/**
 * Organizations (the vendor and its partners) and the partners' locations that leads are
 * routed to.
 */
@ApplicationModule(displayName = "Partners", allowedDependencies = { "platform", "shared" })
@NullMarked
package org.leadrelay.partner;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
