package org.leadrelay.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.stereotype.Component;

/**
 * Builds the HTTP clients for calls to addresses that users configure (webhooks, CRMs).
 * Connections resolve host names through the {@link OutboundAddressPolicy}, so private
 * addresses are refused at connect time too (a DNS answer that changed since the address
 * was checked does not help); redirects are not followed; connecting and waiting for the
 * answer each time out; nothing is retried behind the caller's back.
 */
@Component
public class OutboundHttpClients {

	private final OutboundAddressPolicy policy;

	OutboundHttpClients(OutboundAddressPolicy policy) {
		this.policy = policy;
	}

	/**
	 * A new client; the caller closes it when it is no longer needed.
	 * @param timeout to connect, to wait for a pooled connection and for the answer
	 * @param concurrency requests per host at once
	 */
	public CloseableHttpClient create(Duration timeout, int concurrency, String userAgent) {
		Timeout limit = Timeout.of(timeout);
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new PolicyDnsResolver(this.policy))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.setMaxConnTotal(concurrency * 2)
				.setMaxConnPerRoute(concurrency)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(limit)
				.setConnectionRequestTimeout(limit)
				.setRedirectsEnabled(false)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.setUserAgent(userAgent)
			.build();
	}

	/** Resolves through the outbound address policy. */
	private record PolicyDnsResolver(OutboundAddressPolicy policy) implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			return this.policy.resolve(host);
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
		}

	}

}
