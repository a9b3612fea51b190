package org.leadrelay.identity.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.MailIntegrationTest;
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
 * An admin invites someone by email (delivered to a real SMTP server, GreenMail); the
 * one-time link in the mail lets them set a password once, then sign in.
 */
@MailIntegrationTest
class InvitationIntegrationTests {

	private static final Pattern LINK = Pattern.compile("http://\\S+/set-password\\?token=([\\w-]+)");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	GreenMail mail;

	Program program;

	WebSession admin;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		TestUser partnerAdmin = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
		this.admin = new WebSession(this.port);
		this.admin.signIn(partnerAdmin.email(), TestUsers.PASSWORD);
	}

	@Test
	void anInvitedUserSetsAPasswordThroughTheMailedLinkOnce() throws Exception {
		String invitee = "bence-" + this.program.contoso().id() + "@contoso.example";
		this.admin.get("/users");
		Page invited = this.admin.post("/users",
				Map.of("organization", this.program.contoso().id().toString(), "displayName", "Bence Szabó", "email",
						invitee, "roles", "REFERRALS_USER", "locations", this.program.budapest().id().toString()));
		assertThat(invited.status()).isEqualTo(302);
		assertThat(this.admin.get(invited.location().replaceFirst("^http://[^/]+", "")).body())
			.contains("We emailed " + invitee);

		MimeMessage message = mailTo(invitee);
		String body = (String) message.getContent();
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		String path = "/set-password?token=" + link.group(1);

		WebSession newcomer = new WebSession(this.port);
		assertThat(newcomer.signIn(invitee, "anything at all").location()).endsWith("/login?error");
		assertThat(newcomer.get(path).body()).contains("Bence Szabó");
		Page mismatch = newcomer.post("/set-password",
				Map.of("token", link.group(1), "password", "a long enough secret", "confirmation", "something else"));
		assertThat(mismatch.status()).isEqualTo(422);
		assertThat(mismatch.body()).contains("The two passwords differ.");
		Page set = newcomer.post("/set-password", Map.of("token", link.group(1), "password", "a long enough secret",
				"confirmation", "a long enough secret"));
		assertThat(set.location()).endsWith("/login");

		assertThat(newcomer.signIn(invitee, "a long enough secret").location()).endsWith("/");
		assertThat(new WebSession(this.port).get(path).status()).as("the link works once").isEqualTo(410);
		assertThat(this.admin.get("/users").body()).contains(invitee).contains("Referrals user");
	}

	@Test
	void anAdminInvitesOnlyIntoOrganizationsTheyManage() {
		this.admin.get("/users");
		Page intoFabrikam = this.admin.post("/users", Map.of("organization", this.program.fabrikam().id().toString(),
				"displayName", "Mallory", "email", "mallory@example.com", "roles", "REFERRALS_ADMIN"));
		Page vendorRole = this.admin.post("/users", Map.of("organization", this.program.contoso().id().toString(),
				"displayName", "Mallory", "email", "mallory@example.com", "roles", "VENDOR_ADMIN"));

		assertThat(intoFabrikam.status()).isEqualTo(404);
		assertThat(vendorRole.status()).isEqualTo(422);
		assertThat(vendorRole.body()).contains("Choose roles that fit this organization.");
		assertThat(this.admin.get("/users?organization=" + this.program.fabrikam().id()).status()).isEqualTo(404);
	}

	private MimeMessage mailTo(String address) throws Exception {
		assertThat(this.mail.waitForIncomingEmail(5000, 1)).isTrue();
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				return message;
			}
		}
		throw new AssertionError("No mail to " + address);
	}

}
