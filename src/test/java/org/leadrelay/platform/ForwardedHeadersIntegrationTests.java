package org.leadrelay.platform;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Organization;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers from the default trusted proxy (loopback, where the tests connect
 * from): the client address is taken, bracketed IPv6 included, but a forwarded host never
 * reaches a link.
 */
@IntegrationTest
class ForwardedHeadersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	TestProfiles profiles;

	@Test
	void anInvitationLinkIgnoresTheForwardedHost() {
		assertThat(invitationLinkPage(this.port, this.programs, this.users, "evil.example"))
			.contains("http://localhost:8080/set-password?token=")
			.doesNotContain("evil.example");
	}

	/** The page after inviting someone, which shows the link (no mail server here). */
	static String invitationLinkPage(int port, TestProgram programs, TestUsers users, String forwardedHost) {
		Program program = programs.create();
		TestUser admin = users.create(program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
		WebSession session = new WebSession(port).header("X-Forwarded-Host", forwardedHost);
		session.signIn(admin.email(), TestUsers.PASSWORD);
		session.get("/users");

		Page invited = session.post("/users",
				Map.of("organization", program.contoso().id().toString(), "displayName", "Bence Szabó", "email",
						"bence-" + program.contoso().id() + "@contoso.example", "roles", "REFERRALS_USER", "locations",
						program.budapest().id().toString()));
		assertThat(invited.status()).isEqualTo(302);
		return session.get(invited.location().replaceFirst("^https?://[^/]+", "")).body();
	}

	@Test
	void theMarketplacesPageLinksDoNotTakeTheHostHeader() throws IOException {
		String skill = TestProfiles.letters();
		for (int i = 0; i < 11; i++) {
			Program program = this.programs.create();
			for (Organization partner : List.of(program.contoso(), program.fabrikam())) {
				this.profiles.listed(partner, "Partner " + i,
						new Expertise(List.of(), List.of(), List.of(), List.of(skill)),
						TestProfiles.location("Szeged " + i, "HU"));
			}
		}

		String page = rawGet("/marketplace?q=" + skill, "evil.example");

		assertThat(page).contains("HTTP/1.1 200")
			.contains("/marketplace?q=" + skill + "&amp;page=2")
			.doesNotContain("evil.example");
	}

	/**
	 * A request with a Host header of the client's choosing, which Java's HTTP client
	 * does not send.
	 */
	private String rawGet(String path, String host) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void bracketedIpv6AddressesFromOneNetworkShareTheInquiryLimit() {
		String page = listedLocation();
		String network = "2001:db8:" + Integer.toHexString((int) (Math.random() * 0xffff)) + ":1::";
		for (int i = 1; i <= 5; i++) {
			assertThat(inquiry(page, "[" + network + i + "]", i).status()).isEqualTo(302);
		}

		assertThat(inquiry(page, "[" + network + "99]:4711", 6).status()).isEqualTo(429);
	}

	private String listedLocation() {
		Program program = this.programs.create();
		BusinessProfile profile = this.profiles.listed(program.contoso(), "Contoso Consulting",
				new Expertise(List.of(), List.of(), List.of(), List.of("Inventory")),
				TestProfiles.location("Contoso Szeged", "HU"));
		return MarketplacePaths.location(profile.id(), profile.locations().get(0).id());
	}

	static Page inquiry(int port, String page, String forwardedFor, int i) {
		WebSession customer = new WebSession(port).from(forwardedFor);
		customer.get(page);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("company", "Szegedi Pékség Bt.");
		fields.put("size", "10to50employees");
		fields.put("country", "HU");
		fields.put("firstName", "Eszter");
		fields.put("lastName", "Nagy");
		fields.put("email", "customer" + i + "@example.com");
		fields.put("phone", "+36 62 555 0101");
		fields.put("needs", "An ERP for our two shops");
		fields.put("consentToContact", "true");
		fields.put("website", "");
		return customer.post(page, fields);
	}

	private Page inquiry(String page, String forwardedFor, int i) {
		return inquiry(this.port, page, forwardedFor, i);
	}

}
