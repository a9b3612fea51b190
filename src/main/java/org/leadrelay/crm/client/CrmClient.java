package org.leadrelay.crm.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.ConnectionTest;

/**
 * One organization's CRM, as LeadRelay uses it. Every method may throw
 * {@link CrmCallException}; an expired access token is renewed and the call repeated
 * before that.
 */
public interface CrmClient {

	/**
	 * Whether the text has the form of this CRM's record ids (a GUID, a Salesforce id):
	 * ids go into URLs, so nothing else is sent.
	 */
	boolean isRecordId(String text);

	/** The opportunity whose reference field holds the lead's LeadRelay id, if any. */
	Optional<String> findOpportunity(String reference);

	/** The opportunity, or empty if the CRM has none with that id. */
	Optional<CrmOpportunity> readOpportunity(String id);

	/**
	 * Creates an open opportunity for the customer's account, which is matched by name
	 * and postal code, or created.
	 * @return the new opportunity's id
	 */
	String createOpportunity(OpportunityState state, Account account);

	/** Writes the given fields of {@code state} (those the mapping syncs). */
	void updateOpportunity(String id, OpportunityState state, Set<OpportunityField> fields);

	/** Closes an open opportunity as won or lost. */
	void closeOpportunity(String id, Stage stage);

	/**
	 * Opportunities with a LeadRelay reference changed at or after {@code since} (all of
	 * them if null), oldest change first.
	 */
	List<CrmOpportunity> changedSince(@Nullable Instant since, int max);

	/** Signs in with fresh credentials and reads what syncing needs, step by step. */
	ConnectionTest test();

}
