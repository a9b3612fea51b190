/**
 * Organizations (the vendor and its partners) and the partners' locations that leads are
 * routed to.
 * <p>
 * Other modules read its tables only through the view it publishes (V97), where a join is
 * the only fast way: {@code partner_organization_v (id, name, kind, vendor_id)}; the
 * referral analytics name partners and find a partner's program with it.
 */
@ApplicationModule(displayName = "Partners", allowedDependencies = { "platform", "shared" })
@NullMarked
package org.leadrelay.partner;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
