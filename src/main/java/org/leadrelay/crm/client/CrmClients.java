package org.leadrelay.crm.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.client.CrmHttp.AccessToken;
import org.leadrelay.platform.OutboundHttpClients;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the client for a connection. All clients share one HTTP client of the platform's
 * (outbound address policy, timeouts, no redirects) and this node's access tokens, which
 * are kept in memory only.
 */
public final class CrmClients implements AutoCloseable {

	private final CloseableHttpClient http;

	private final Map<UUID, AccessToken> tokens = new ConcurrentHashMap<>();

	private final JsonMapper json;

	private final Clock clock;

	private final Duration timeout;

	public CrmClients(OutboundHttpClients clients, Duration timeout, int concurrency, JsonMapper json, Clock clock) {
		this.http = clients.create(timeout, concurrency, "LeadRelay-CRM/1.0");
		this.json = json;
		this.clock = clock;
		this.timeout = timeout;
	}

	public CrmClient of(ConnectionSettings settings) {
		return switch (settings.kind()) {
			case DYNAMICS_365 ->
				new DynamicsClient(settings, http(settings, settings.instanceUrl() + "/.default"), this.json);
			case SALESFORCE -> new SalesforceClient(settings, http(settings, null), this.json);
		};
	}

	/** Forgets the access token of a connection that was deleted. */
	public void forget(UUID connectionId) {
		this.tokens.remove(connectionId);
	}

	@Override
	public void close() throws IOException {
		this.http.close();
	}

	private CrmHttp http(ConnectionSettings settings, @Nullable String scope) {
		return new CrmHttp(this.http, settings, this.tokens, scope, this.json, this.clock, this.timeout);
	}

}
