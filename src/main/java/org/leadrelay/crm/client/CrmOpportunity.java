package org.leadrelay.crm.client;

import java.time.Instant;

/**
 * An opportunity as read from the CRM.
 *
 * @param modifiedAt the CRM's own time of its last change ({@code modifiedon},
 * {@code SystemModstamp})
 */
public record CrmOpportunity(String id, OpportunityState state, Instant modifiedAt) {
}
