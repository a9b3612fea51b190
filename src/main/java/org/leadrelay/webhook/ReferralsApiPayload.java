package org.leadrelay.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The reference Referrals API's event body: which resource changed and where to read it,
 * nothing of its content.
 *
 * @param auditUri where to read the change's audit record, if there is one
 */
record ReferralsApiPayload(@JsonProperty("EventName") String eventName, @JsonProperty("ResourceUri") String resourceUri,
		@JsonProperty("ResourceName") String resourceName, @JsonProperty("AuditUri") @Nullable String auditUri,
		@JsonProperty("ResourceChangeUtcDate") String resourceChangeUtcDate) {

}
