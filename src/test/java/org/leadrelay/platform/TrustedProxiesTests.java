package org.leadrelay.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

	@Test
	void proxiesAreReadAsNetworks() {
		assertThat(TrustedProxies.cidrs(List.of("10.0.0.0/8", " 192.0.2.7", "::1", "")))
			.isEqualTo("10.0.0.0/8,192.0.2.7/32,::1/128");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.cidrs(List.of("proxy.example")))
			.withMessageContaining("leadrelay.trusted-proxies");
	}

	@Test
	void forwardedIpv6AddressesAreWrittenAsADirectConnectionGivesThem() {
		assertThat(TrustedProxies.CanonicalRemoteAddress.canonical("[2001:db8::1]")).isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(TrustedProxies.CanonicalRemoteAddress.canonical("[2001:DB8::1]:443"))
			.isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(TrustedProxies.CanonicalRemoteAddress.canonical("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
		assertThat(TrustedProxies.CanonicalRemoteAddress.canonical("192.0.2.1")).isEqualTo("192.0.2.1");
		assertThat(TrustedProxies.CanonicalRemoteAddress.canonical("unknown")).isEqualTo("unknown");
	}

}
