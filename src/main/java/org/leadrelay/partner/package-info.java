/**
 * Organizations (the vendor and its partners) and the partners' locations that leads are
 * routed to.
 * <p>
 * Other modules read its tables only through the views it publishes, where a join is the
 * only fast way: {@code partner_organization_v (id, name, kind, vendor_id)} (V97), with
 * which the referral analytics name partners and find a partner's program;
 * {@code partner_location_v (organization_id, id, name, city, country)} (current
 * locations) and {@code partner_business_profile_v (organization_id, region, industries,
 * products, services, customer_sizes, tag_keys)} (V142, V157), with which recommendations
 * rank a program's locations in SQL; {@code tag_keys} are the profile's tags as
 * recommendations compare them, indexed (GIN), so that the few profiles that could list a
 * lead's tag are found without reading the others. A location's addition or removal is
 * published ({@link org.leadrelay.partner.PartnerLocationsChanged}) inside its
 * transaction, with which routing keeps its own copy of the locations exact.
 */
@ApplicationModule(displayName = "Partners", allowedDependencies = { "platform", "shared" })
@NullMarked
package org.leadrelay.partner;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
