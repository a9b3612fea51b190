/**
 * The public marketplace: customers search partners' business profiles by keywords and
 * filters (ranked by relevance and the partners' responsiveness), read a location's page
 * and send it an inquiry, which becomes a Direct referral; a private link shows them how
 * it is going. Also finds other partners for a customer whose inquiry went nowhere.
 */
@ApplicationModule(displayName = "Marketplace",
		allowedDependencies = { "partner", "platform", "referral", "routing", "shared" })
@NullMarked
package org.leadrelay.marketplace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
