/**
 * CRM connectors: a partner connects its Dynamics 365 or Salesforce. Accepted leads
 * become opportunities there, edits, team changes and won/lost update them, and won/lost
 * and value/date changes made in the CRM come back to the lead through its normal
 * lifecycle. Listens to referral events through the event publication registry; every
 * failure is visible on the lead and in the connection's sync log.
 */
@ApplicationModule(displayName = "CRM connectors", allowedDependencies = { "platform", "referral", "shared" })
@NullMarked
package org.leadrelay.crm;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
