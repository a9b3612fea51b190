package org.leadrelay.webhook;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.webhook.WebhookReceiver.Request;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadrelay.testing.BrowserSession.clickButton;
import static org.leadrelay.testing.BrowserSession.suffix;

/**
 * The admin pages of notifications and webhooks in a real browser (Debian's Chromium): a
 * partner's Referrals admin reads a notification through the bell, registers a webhook
 * and replays a delivery to a receiver on 127.0.0.1, with the keyboard where it matters
 * and on a phone's width. In this package because the test receiver and the delivery run
 * live here.
 */
@IntegrationTest
class NotificationsAndWebhooksBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Autowired
	EventPublications publications;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	Webhooks webhooks;

	@Autowired
	MutableClock clock;

	Program program;

	TestUser admin;

	WebhookReceiver receiver;

	Page page;

	@BeforeEach
	void setUp() throws Exception {
		this.program = this.programs.create();
		this.admin = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
		this.receiver = WebhookReceiver.start();
		this.page = browser.newPage();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
		// Leave no pending deliveries behind for other tests' dispatcher runs.
		Caller contoso = new Caller(Caller.Kind.API_CLIENT, "client:cleanup", "Cleanup", this.program.contoso().id(),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		this.webhooks.list(contoso).forEach(webhook -> this.webhooks.delete(contoso, webhook.id()));
	}

	@Test
	void aPartnerAdminReadsANotificationThroughTheBell() {
		String older = "Alpine Dairy " + suffix();
		String newer = "Balaton Hotels " + suffix();
		send(older);
		this.clock.advance(Duration.ofSeconds(1));
		Referral opened = send(newer);
		browser.signIn(this.page, this.admin);

		Locator bell = this.page.locator("#notification-bell");
		assertThat(bell).hasAttribute("aria-label", "Notifications, 2 unread");
		assertThat(bell.locator(".badge")).hasText("2");
		bell.focus();
		this.page.keyboard().press("Enter");
		assertThat(this.page.locator("h1")).hasText("Notifications");
		BrowserSession.screenshot(this.page, "notifications");

		// marking one read swaps the list and the bell in place, without loading a page
		this.page.evaluate("window.stillThisPage = true");
		Locator olderRow = this.page.locator("li.notification-row")
			.filter(new Locator.FilterOptions().setHasText(older));
		olderRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as read")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("Marked as read.");
		assertThat(bell.locator(".badge")).hasText("1");
		assertThat(olderRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as read")))
			.hasCount(0);
		assertThat(this.page.evaluate("window.stillThisPage")).isEqualTo(true);

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New lead: " + newer).setExact(true))
			.click();
		assertThat(this.page).hasURL(browser.url("/leads/" + opened.id()));
		assertThat(this.page.locator("h1")).hasText(newer);
		assertThat(bell).hasAttribute("aria-label", "Notifications, none unread");
		assertThat(bell.locator(".badge")).hasCount(0);

		// coming back to the window refreshes the bell
		send("Puszta Foods " + suffix());
		this.page.evaluate("window.dispatchEvent(new Event('focus'))");
		assertThat(bell).hasAttribute("aria-label", "Notifications, 1 unread");
	}

	@Test
	void aPartnerAdminRegistersAWebhookAndReplaysADelivery() throws Exception {
		browser.signIn(this.page, this.admin);
		this.page.getByText("Administration").click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks")).click();
		this.page.getByLabel("URL").fill(this.receiver.url());
		// by value: the labels of related-referral-created and -updated contain these
		assertThat(this.page.locator("input[name=events][value=referral-created]")).isChecked();
		assertThat(this.page.locator("input[name=events][value=referral-updated]")).isChecked();
		clickButton(this.page, "Register");
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).hasText("Webhook registered.");
		String secret = this.page.getByLabel("Signing secret").inputValue();
		assertThat(secret).startsWith("whsec_");

		send("Tisza Bank " + suffix());
		Request delivered = awaitRequests(1).get(0);
		assertThat(delivered.verifiesWith(secret, this.clock.instant())).isTrue();
		this.page.reload();
		assertThat(this.page.getByLabel("Signing secret")).hasCount(0);
		Locator delivery = this.page.locator("li.delivery-row");
		assertThat(delivery).hasCount(1);
		assertThat(delivery).containsText("Delivered");
		assertThat(delivery).containsText("HTTP 200");

		this.clock.advance(Duration.ofSeconds(1));
		delivery.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Replay referral-created")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).containsText("Replay scheduled");
		List<Request> requests = awaitRequests(2);
		assertThat(requests.get(1).id()).isEqualTo(delivered.id());
		assertThat(requests.get(1).verifiesWith(secret, this.clock.instant())).isTrue();
		this.page.reload();
		assertThat(delivery).hasCount(2);
		assertThat(delivery.first()).containsText("Replayed");
		assertThat(delivery.first()).containsText("HTTP 200");
		BrowserSession.screenshot(this.page, "webhook-deliveries");

		this.page.getByText("Delete webhook…").click();
		clickButton(this.page, "Delete for good");
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("is deleted");
		assertThat(this.page.getByText("No webhooks yet.")).isVisible();
	}

	@Test
	void theAdminPagesFitAPhone() {
		send("Pike Street Retail " + suffix());
		TestUser vendorAdmin = this.users.create(this.program.vendor(), "Nadia Admin", Role.VENDOR_ADMIN);
		Page partner = browser.newPage(375);
		browser.signIn(partner, this.admin);
		for (String path : List.of("/notifications", "/notifications/settings", "/webhooks", "/api-clients")) {
			partner.navigate(browser.url(path));
			assertThat(partner.evaluate("document.documentElement.scrollWidth")).as(path).isEqualTo(375);
		}
		BrowserSession.screenshot(partner, "api-clients-phone");
		Page vendor = browser.newPage(375);
		browser.signIn(vendor, vendorAdmin);
		vendor.navigate(browser.url("/sent-mail"));
		vendor.locator("li.sent-mail summary").first().click();
		assertThat(vendor.locator("pre.sent-mail-text").first()).isVisible();
		assertThat(vendor.evaluate("document.documentElement.scrollWidth")).isEqualTo(375);
		BrowserSession.screenshot(vendor, "sent-mail-phone");
	}

	private Referral send(String customer) {
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:" + this.program.vendorClient().clientId(),
				"Vendor CRM", this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		NewReferral lead = new NewReferral(this.program.budapest().id(), Qualification.SalesQualified,
				ReferralType.Independent, null, null,
				new Customer(customer, Address.of(null, null, "Debrecen", null, null, "HU"), null, List.of()),
				new Consent(true, false), new Requirements(List.of("Manufacturing"), List.of(), List.of(), List.of()),
				"Replace spreadsheets with an ERP", Money.of(new BigDecimal("25000"), "EUR"), null, false, null);
		Referral referral = this.management.send(vendor, lead, Source.API);
		this.publications.awaitCompleted(referral.id());
		return referral;
	}

	private List<Request> awaitRequests(int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			this.dispatcher.deliverDue();
			return this.receiver.requests().size() >= count;
		});
		return this.receiver.requests();
	}

}
