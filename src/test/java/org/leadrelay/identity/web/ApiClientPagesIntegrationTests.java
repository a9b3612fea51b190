package org.leadrelay.identity.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Credentials;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API clients page: an admin creates a client whose secret is shown once and gets
 * tokens, revokes it so that it gets none, and never reaches another organization's
 * clients; other roles have no such page.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiClientPagesIntegrationTests {

	private static final Pattern CLIENT_ID = Pattern.compile("id=\"created-client-id\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern SECRET = Pattern.compile("id=\"created-secret\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern REVOKE = Pattern.compile("/api-clients/([0-9a-f-]{36})/revoke");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	Program program;

	WebSession admin;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.admin = signedIn(this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN));
	}

	@Test
	void anAdminCreatesAClientThatGetsTokensUntilItIsRevoked(CapturedOutput output) {
		assertThat(this.admin.get("/api-clients").body()).contains(this.program.contosoClient().clientId())
			.contains("/oauth2/token")
			.contains("grant_type=client_credentials");

		Page created = this.admin.post("/api-clients", Map.of("name", "Dynamics sync"));
		assertThat(created.status()).isEqualTo(302);
		String page = this.admin.get("/api-clients").body();
		Credentials credentials = new Credentials(match(CLIENT_ID, page), match(SECRET, page));
		assertThat(page).contains("shown only this once").contains("Dynamics sync");
		assertThat(this.admin.get("/api-clients").body()).as("the secret is shown once")
			.doesNotContain(credentials.secret());
		ApiClient anonymous = ApiClient.anonymous(this.port);
		assertThat(anonymous.tokenRequest(credentials).status()).isEqualTo(200);

		Page revoked = this.admin.post("/api-clients/" + revokeId(page, credentials.clientId()) + "/revoke", Map.of());
		assertThat(revoked.status()).isEqualTo(302);
		assertThat(this.admin.get("/api-clients").body())
			.contains("The API client " + credentials.clientId() + " is revoked.")
			.contains("Revoked ");
		assertThat(anonymous.tokenRequest(credentials).status()).isEqualTo(401);
		assertThat(anonymous.tokenRequest(this.program.contosoClient()).status()).isEqualTo(200);
		assertThat(output).doesNotContain(credentials.secret());
	}

	@Test
	void aNameIsRequiredAndShort() {
		this.admin.get("/api-clients");
		String tooLong = "CRM ".repeat(60);

		Page blank = this.admin.post("/api-clients", Map.of("name", "  "));
		Page tooLongName = this.admin.post("/api-clients", Map.of("name", tooLong));

		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.body()).contains("id=\"name-errors\" class=\"invalid-feedback\">Required.");
		assertThat(tooLongName.status()).isEqualTo(422);
		assertThat(tooLongName.body()).contains("Use at most 200 characters.").contains("value=\"" + tooLong + "\"");
		assertThat(this.admin.get("/api-clients?lang=hu").body()).doesNotContain("created-secret")
			.contains("API-kliens létrehozása");
	}

	@Test
	void anotherOrganizationsClientIsNotFound() {
		String contosoPage = this.admin.get("/api-clients").body();
		String contosoClient = revokeId(contosoPage, this.program.contosoClient().clientId());
		WebSession fabrikam = signedIn(this.users.create(this.program.fabrikam(), "Franz Huber", Role.REFERRALS_ADMIN));

		assertThat(fabrikam.get("/api-clients").body()).contains(this.program.fabrikamClient().clientId())
			.doesNotContain(this.program.contosoClient().clientId());
		assertThat(fabrikam.post("/api-clients/" + contosoClient + "/revoke", Map.of()).status()).isEqualTo(404);
		assertThat(fabrikam.post("/api-clients/not-an-id/revoke", Map.of()).status()).isEqualTo(404);
		assertThat(this.admin.postWithoutToken("/api-clients/" + contosoClient + "/revoke", Map.of()).status())
			.isEqualTo(403);
		assertThat(ApiClient.anonymous(this.port).tokenRequest(this.program.contosoClient()).status()).isEqualTo(200);
	}

	@Test
	void theVendorAdminManagesTheVendorsClientsAndOtherRolesHaveNoSuchPage() {
		WebSession vendorAdmin = signedIn(this.users.create(this.program.vendor(), "Nadia Admin", Role.VENDOR_ADMIN));
		String vendorPage = vendorAdmin.get("/api-clients").body();
		assertThat(vendorPage).contains(this.program.vendorClient().clientId())
			.doesNotContain(this.program.contosoClient().clientId())
			.contains("href=\"/api-clients\"");
		assertThat(vendorAdmin.post("/api-clients", Map.of("name", "Northwind marketing automation")).status())
			.isEqualTo(302);
		assertThat(vendorAdmin.get("/api-clients").body()).contains("Northwind marketing automation");
		assertThat(this.admin.get("/api-clients").body()).doesNotContain("Northwind marketing automation");

		for (TestUser user : new TestUser[] {
				this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_USER, this.program.budapest()),
				this.users.create(this.program.contoso(), "Petra Profile", Role.BUSINESS_PROFILE_ADMIN),
				this.users.create(this.program.vendor(), "Sebastian Seller", Role.VENDOR_SELLER) }) {
			WebSession session = signedIn(user);
			assertThat(session.get("/api-clients").status()).as(user.name()).isEqualTo(403);
			assertThat(session.get("/notifications").body()).as(user.name())
				.contains("id=\"notification-bell\"")
				.doesNotContain("href=\"/api-clients\"");
		}
	}

	private WebSession signedIn(TestUser user) {
		WebSession session = new WebSession(this.port);
		session.signIn(user.email(), TestUsers.PASSWORD);
		return session;
	}

	/** The id in the revoke form of the listed client with this client id. */
	private static String revokeId(String html, String clientId) {
		for (String row : html.split("api-client-row")) {
			if (row.contains(">" + clientId + "<")) {
				return match(REVOKE, row);
			}
		}
		throw new AssertionError("No client " + clientId + " listed");
	}

	private static String match(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as(pattern + " in the page").isTrue();
		return matcher.group(1);
	}

}
