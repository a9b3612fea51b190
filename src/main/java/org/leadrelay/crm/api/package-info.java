/**
 * The {@code /v1.0/crm/connections} REST resource: connect, list, read, test and delete
 * an organization's CRM connection, change its field mapping and read its sync log.
 */
@NullMarked
package org.leadrelay.crm.api;

import org.jspecify.annotations.NullMarked;
