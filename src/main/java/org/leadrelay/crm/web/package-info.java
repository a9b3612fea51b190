/**
 * The CRM pages of the web UI: a Referrals admin connects Dynamics 365 or Salesforce,
 * tests the connection, edits the field mapping and reads the sync log; anyone working a
 * lead retries its sync.
 */
@NullMarked
package org.leadrelay.crm.web;

import org.jspecify.annotations.NullMarked;
