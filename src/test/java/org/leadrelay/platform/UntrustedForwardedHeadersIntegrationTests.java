package org.leadrelay.platform;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.Expertise;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that is not a trusted proxy (here the only trusted proxy is elsewhere, so the
 * tests' loopback connection is an ordinary client) cannot choose its address with
 * {@code X-Forwarded-For}: a fresh one per request does not get past the inquiry limit;
 * nor its links with {@code X-Forwarded-Host}.
 */
@IntegrationTest
@TestPropertySource(properties = "leadrelay.trusted-proxies=192.0.2.250")
class UntrustedForwardedHeadersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestProfiles profiles;

	@Autowired
	TestUsers users;

	@Test
	void anInvitationLinkIgnoresTheForwardedHostOfAClient() {
		assertThat(ForwardedHeadersIntegrationTests.invitationLinkPage(this.port, this.programs, this.users,
				"evil.example"))
			.contains("http://localhost:8080/set-password?token=")
			.doesNotContain("evil.example");
	}

	@Test
	void aFreshForwardedForPerRequestDoesNotBypassTheInquiryLimit() {
		Program program = this.programs.create();
		BusinessProfile profile = this.profiles.listed(program.contoso(), "Contoso Consulting",
				new Expertise(List.of(), List.of(), List.of(), List.of("Inventory")),
				TestProfiles.location("Contoso Szeged", "HU"));
		String page = MarketplacePaths.location(profile.id(), profile.locations().get(0).id());
		for (int i = 1; i <= 5; i++) {
			assertThat(ForwardedHeadersIntegrationTests.inquiry(this.port, page, fresh(), i).status()).isEqualTo(302);
		}

		assertThat(ForwardedHeadersIntegrationTests.inquiry(this.port, page, fresh(), 6).status()).isEqualTo(429);
	}

	private static String fresh() {
		return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
	}

}
