/**
 * CRM connectors: a partner connects its Dynamics 365 or Salesforce. Accepted leads and
 * the partner's co-sell deals become opportunities there, edits, team changes, sales
 * stages and won/lost update them, and won/lost, value/date and a deal's stage changed in
 * the CRM come back to the lead or deal through its normal lifecycle. Listens to referral
 * events through the event publication registry; every failure is visible on the lead and
 * in the connection's sync log.
 */
@ApplicationModule(displayName = "CRM connectors", allowedDependencies = { "platform", "referral", "shared" })
@NullMarked
package org.leadrelay.crm;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
