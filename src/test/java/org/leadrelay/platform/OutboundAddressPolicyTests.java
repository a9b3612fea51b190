package org.leadrelay.platform;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadrelay.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outbound calls go to public addresses over HTTPS only, judged by what a host resolves
 * to, unless the configuration names the host or its network.
 */
class OutboundAddressPolicyTests {

	static final Map<String, String> DNS = Map.of("hooks.example.com", "203.0.113.10", "intranet.example.com",
			"10.0.0.7", "metadata.example.com", "169.254.169.254", "crm.internal", "10.20.0.5");

	@Test
	void privateLoopbackLinkLocalAndSimilarAddressesAreNotPublic() throws Exception {
		for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
				"0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd12:3456::1",
				"::ffff:10.0.0.1", "64:ff9b::a00:1", "198.18.0.1", "198.19.255.254", "192.0.0.8", "240.0.0.1",
				"250.1.2.3", "2002:a00:1::1", "2002:7f00:1::", "2002:c0a8:101::1",
				"2001:0:4136:e378:8000:63bf:f5ff:fffe", "2001:0:a00:1::1")) {
			assertThat(OutboundAddressPolicy.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
		for (String address : List.of("203.0.113.10", "8.8.8.8", "100.128.0.1", "2001:db8::1", "64:ff9b::808:808",
				"198.20.0.1", "192.0.2.1", "223.255.255.254", "2002:808:808::1",
				"2001:0:4136:e378:8000:63bf:f7f7:f7f7")) {
			assertThat(OutboundAddressPolicy.isPublic(InetAddress.getByName(address))).as(address).isTrue();
		}
	}

	@Test
	void onlyHttpsToPublicAddressesByDefault() {
		OutboundAddressPolicy policy = policy(List.of());

		assertThatNoException()
			.isThrownBy(() -> policy.requireAllowed(URI.create("https://hooks.example.com/x"), "url"));
		assertRefused(policy, "http://hooks.example.com/x", "https");
		assertRefused(policy, "https://intranet.example.com/x", "not allowed");
		assertRefused(policy, "https://metadata.example.com/latest", "not allowed");
		assertRefused(policy, "https://127.0.0.1:8443/x", "not allowed");
		assertRefused(policy, "https://unknown.example.com/x", "cannot be resolved");
		assertRefused(policy, "https://me:secret@hooks.example.com/x", "credentials");
		assertRefused(policy, "ftp://hooks.example.com/x", "https");
		assertRefused(policy, "/relative", "https");
	}

	@Test
	void configuredHostsAndNetworksMayBePrivateAndPlainHttp() {
		OutboundAddressPolicy policy = policy(List.of("crm.internal", " 10.0.0.0/24 ", "127.0.0.1"));

		for (String url : List.of("http://crm.internal/hook", "http://intranet.example.com/x",
				"http://127.0.0.1:9000/x", "https://hooks.example.com/x")) {
			assertThatNoException().as(url).isThrownBy(() -> policy.requireAllowed(URI.create(url), "url"));
		}
		assertRefused(policy, "http://hooks.example.com/x", "https");
		assertRefused(policy, "https://127.0.0.2/x", "not allowed");
		assertRefused(policy, "https://metadata.example.com/x", "not allowed");
	}

	@Test
	void resolvingForAConnectionRefusesWhatTheCheckWouldRefuse() throws Exception {
		OutboundAddressPolicy policy = policy(List.of("crm.internal"));

		assertThat(policy.resolve("hooks.example.com")).extracting(InetAddress::getHostAddress)
			.containsExactly("203.0.113.10");
		assertThat(policy.resolve("crm.internal")).extracting(InetAddress::getHostAddress).containsExactly("10.20.0.5");
		assertThatThrownBy(() -> policy.resolve("intranet.example.com")).isInstanceOf(UnknownHostException.class)
			.hasMessageContaining("not allowed");
	}

	@Test
	void aMistypedNetworkStopsTheStart() {
		assertThatThrownBy(() -> policy(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("allowed-hosts");
	}

	private static OutboundAddressPolicy policy(List<String> allowedHosts) {
		return new OutboundAddressPolicy(allowedHosts, host -> {
			String address = DNS.get(host);
			if (address == null && !Character.isLetter(host.charAt(0))) {
				address = host;
			}
			if (address == null) {
				throw new UnknownHostException(host);
			}
			return new InetAddress[] { InetAddress.getByName(address) };
		});
	}

	private static void assertRefused(OutboundAddressPolicy policy, String url, String reason) {
		assertThatThrownBy(() -> policy.requireAllowed(URI.create(url), "url")).as(url)
			.isInstanceOf(DomainException.class)
			.hasMessageContaining(reason)
			.satisfies(refused -> assertThat(refused.getMessage()).as("no resolution details")
				.doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+"))
			.extracting("target")
			.isEqualTo("url");
	}

}
