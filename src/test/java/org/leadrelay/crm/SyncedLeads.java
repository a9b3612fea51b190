package org.leadrelay.crm;

import java.util.UUID;

import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.TestProgram.Program;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.newReferral;

/**
 * Leads that the vendor sends to Contoso and Contoso works over the API, with Contoso's
 * CRM connection, and the sync run as the scheduler runs it.
 */
final class SyncedLeads {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	static final String CONNECTIONS = "/v1.0/crm/connections";

	private final Program program;

	private final ApiClient vendor;

	private final ApiClient contoso;

	private final EventPublications publications;

	private final OutboundSync outbound;

	private final SyncRepository syncs;

	private final String connection;

	SyncedLeads(Program program, ApiClient vendor, ApiClient contoso, String connectionJson,
			EventPublications publications, OutboundSync outbound, SyncRepository syncs) {
		this.program = program;
		this.vendor = vendor;
		this.contoso = contoso;
		this.publications = publications;
		this.outbound = outbound;
		this.syncs = syncs;
		ApiClient.Response connected = contoso.post(CONNECTIONS, connectionJson);
		assertThat(connected.status()).as(connected.body()).isEqualTo(201);
		this.connection = connected.json().get("id").asString();
	}

	String connection() {
		return this.connection;
	}

	/** Disconnects, leaving nothing behind for other tests' sync runs. */
	void disconnect() {
		this.contoso.delete(CONNECTIONS + "/" + this.connection);
	}

	String send() {
		ApiClient.Response sent = this.vendor.post(REFERRALS, newReferral(this.program.budapest()).toString());
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		return sent.json().get("id").asString();
	}

	/** A lead Contoso accepted, whose events were handled (so its push is due). */
	String accepted() {
		String lead = send();
		change(lead, accept());
		return lead;
	}

	/** Changes the lead over the API and waits until the sync took note. */
	void change(String lead, String jsonPatch) {
		ApiClient.Response changed = this.contoso.patch(REFERRALS + "/" + lead, jsonPatch);
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		this.publications.awaitCompleted(lead);
	}

	/**
	 * Sends what is due, as the scheduler would, then once more after the events of the
	 * first run (the CRM ID it recorded) were handled.
	 */
	void push(String lead) {
		this.outbound.pushDue();
		this.publications.awaitCompleted(lead);
		this.outbound.pushDue();
	}

	JsonNode lead(String lead) {
		return this.contoso.get(REFERRALS + "/" + lead).json();
	}

	JsonNode audit(String lead) {
		return this.contoso.get(REFERRALS + "/" + lead + "/audit").json().get("value");
	}

	/** The connection's sync log, newest first. */
	JsonNode log() {
		return this.contoso.get(CONNECTIONS + "/" + this.connection + "/sync-log").json().get("value");
	}

	LeadSyncStatus status(String lead) {
		return this.syncs.status(this.program.contoso().id(), UUID.fromString(lead)).orElseThrow();
	}

}
