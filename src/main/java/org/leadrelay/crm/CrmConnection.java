package org.leadrelay.crm;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An organization's connection to its CRM, as callers see it: never with its client
 * secret, which is stored encrypted and only ever sent to the CRM's token endpoint.
 *
 * @param lastPolledAt when LeadRelay last read the CRM's changes, if it did
 * @param lastPollError why the last read failed, if it did
 */
public record CrmConnection(UUID id, CrmKind kind, String instanceUrl, String tokenUrl, String clientId,
		FieldMapping fieldMapping, String createdBy, Instant createdAt, @Nullable Instant lastPolledAt,
		@Nullable String lastPollError) {
}
