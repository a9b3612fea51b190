package org.leadrelay.crm;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.LeadSyncStatus.State;
import org.leadrelay.crm.client.OpportunityState;
import org.leadrelay.shared.OrganizationId;

/**
 * Where one lead stands with its organization's CRM.
 *
 * @param crmState what the CRM holds, as last pushed or read
 * @param crmModifiedAt the CRM's time of the last change read from it
 * @param generation counts the changes asked to be pushed
 */
record SyncRow(OrganizationId organizationId, UUID referralId, UUID connectionId, @Nullable String crmRecordId,
		@Nullable OpportunityState crmState, @Nullable Instant crmModifiedAt, State state, int generation,
		int attempts) {
}
