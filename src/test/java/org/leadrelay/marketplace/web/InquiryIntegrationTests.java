package org.leadrelay.marketplace.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.ReferralFilter;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralQuery;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ReferralSort;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Customers contacting a partner location through its page, over real HTTP without a
 * browser: the inquiry becomes a Direct referral the partner sees, the customer gets a
 * private status link, and the form resists abuse (rate limit per address, honeypot,
 * validation that keeps what was typed, text that is never markup).
 */
@IntegrationTest
class InquiryIntegrationTests {

	static final Pattern STATUS_LINK = Pattern.compile("http://localhost:8080(/marketplace/inquiries/[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestProfiles profiles;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralSearch referrals;

	@Autowired
	ReferralManagement management;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Program program;

	BusinessProfile profile;

	Location location;

	String page;

	WebSession customer;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.PRODUCT, "Northwind ERP", "Northwind CRM");
		this.profile = this.profiles.listed(this.program.contoso(), "Contoso Consulting",
				new Expertise(List.of(), List.of("Northwind ERP", "Northwind CRM"), List.of(), List.of("Inventory")),
				TestProfiles.location("Contoso Szeged", "HU"));
		this.location = this.profile.locations()
			.stream()
			.filter(candidate -> candidate.name().equals("Contoso Szeged"))
			.findFirst()
			.orElseThrow();
		this.page = MarketplacePaths.location(this.profile.id(), this.location.id());
		this.customer = new WebSession(this.port).from(randomAddress());
	}

	@Test
	void aCustomersInquiryReachesThePartnerAndTheCustomerFollowsIt() {
		String email = "eszter." + UUID.randomUUID() + "@customer.example";
		Page shown = this.customer.get(this.page);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("Contact Contoso Szeged", "Northwind ERP", "Fő utca 1")
			.doesNotContain("alerts@", "name=\"_csrf\" value=\"\"");

		Page sent = this.customer.post(this.page,
				inquiry(email, Map.of("topics", "Northwind CRM", "contactRequested", "true")));

		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		assertThat(this.customer.get(sent.location().replaceFirst("^http://localhost:\\d+", "")).body())
			.contains("your request is on its way", email);
		ViewedReferral lead = marketplaceLeads().stream()
			.filter(viewed -> viewed.referral().customer().name().equals("Szegedi Pékség Bt."))
			.findFirst()
			.orElseThrow();
		assertThat(lead.referral().qualification()).isEqualTo(Qualification.Direct);
		assertThat(lead.referral().locationId()).isEqualTo(this.location.id());
		assertThat(lead.referral().customer().size()).isEqualTo(CompanySize.EMPLOYEES_10_TO_50);
		assertThat(lead.referral().customer().contacts().get(0).email().value()).isEqualTo(email);
		assertThat(lead.referral().requirements().products()).containsExactly("Northwind CRM");
		assertThat(lead.referral().contactRequestedAt()).isNotNull();
		assertThat(lead.referral().consent().consentToContact()).isTrue();

		String status = statusLinkMailedTo(email);
		assertThat(new WebSession(this.port).get(status).body()).contains("Your request to Contoso Consulting",
				"aria-current=\"step\">Received<");
		this.management.accept(TestProfiles.admin(this.program.contoso().id()), lead.referral().id(),
				DealDetails.of("Bakery ERP", Money.of(new BigDecimal("9000"), "EUR"),
						Instant.parse("2030-01-01T00:00:00Z"), "Internal: margin is thin", null, null),
				List.of(), Source.API, null);
		Page inProgress = new WebSession(this.port).get(status);
		assertThat(inProgress.body()).contains("aria-current=\"step\">In progress<")
			.doesNotContain("Bakery ERP", "margin", "9,000", "9000");
		this.management.markWon(TestProfiles.admin(this.program.contoso().id()), lead.referral().id(), Source.API,
				null);
		assertThat(new WebSession(this.port).get(status).body()).contains("aria-current=\"step\">Closed<")
			.doesNotContain("Won");
		assertThat(new WebSession(this.port).get(status.substring(0, status.length() - 1) + "x").status())
			.isEqualTo(404);
	}

	@Test
	void theSixthInquiryInTenMinutesFromOneAddressIsRefusedWithItsTextKept() {
		for (int i = 1; i <= 5; i++) {
			this.customer.get(this.page);
			assertThat(this.customer.post(this.page, inquiry("customer" + i + "@example.com", Map.of())).status())
				.isEqualTo(302);
		}

		this.customer.get(this.page);
		Page sixth = this.customer.post(this.page,
				inquiry("sixth@example.com", Map.of("needs", "Sixth time: please help with our ERP")));

		assertThat(sixth.status()).isEqualTo(429);
		assertThat(sixth.body()).contains("5 requests in the last 10 minutes", "Please send this one in 10 minutes")
			.contains("value=\"sixth@example.com\"", "Sixth time: please help with our ERP");
		WebSession neighbour = new WebSession(this.port).from(randomAddress());
		neighbour.get(this.page);
		assertThat(neighbour.post(this.page, inquiry("neighbour@example.com", Map.of())).status())
			.as("another address has its own count")
			.isEqualTo(302);

		this.clock.advance(Duration.ofMinutes(10));
		this.customer.get(this.page);
		assertThat(this.customer.post(this.page, inquiry("later@example.com", Map.of())).status())
			.as("ten minutes later the first place is free again")
			.isEqualTo(302);
	}

	@Test
	void aRefusedInquiryTellsWhyAndKeepsWhatWasTyped() {
		long before = marketplaceLeads().size();
		this.customer.get(this.page);

		Page badEmail = this.customer.post(this.page, inquiry("eszter@",
				Map.of("consentToContact", "false", "needs", "An ERP for 2 shops", "company", "Alpine Dairy Kft.")));

		assertThat(badEmail.status()).isEqualTo(422);
		assertThat(badEmail.body()).contains("Enter a valid email address.",
				"Please agree to be contacted: a partner cannot answer otherwise.", "value=\"eszter@\"",
				"An ERP for 2 shops", "value=\"Alpine Dairy Kft.\"");

		Page tooLong = this.customer.post(this.page, inquiry("eszter@example.com", Map.of("needs", "x".repeat(2001))));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.body()).contains("Use at most 2,000 characters.");

		Page robot = this.customer.post(this.page,
				inquiry("robot@example.com", Map.of("website", "http://spam.example")));
		assertThat(robot.status()).isEqualTo(422);
		assertThat(robot.body()).contains("only automated programs do", "value=\"robot@example.com\"")
			.doesNotContain("spam.example");

		assertThat(marketplaceLeads()).hasSize((int) before);
		assertThat(
				new WebSession(this.port).postWithoutToken(this.page, inquiry("nocsrf@example.com", Map.of())).status())
			.as("no form without its CSRF token")
			.isEqualTo(403);
	}

	@Test
	void aScriptInTheInquiryIsShownAsTextOnThePartnersLeadPage() {
		String company = "<script>alert('company')</script> Kft.";
		this.customer.get(this.page);
		this.customer.post(this.page, inquiry("script@example.com",
				Map.of("company", company, "needs", "<img src=x onerror=alert(1)> <b>ERP</b>")));
		ReferralId lead = marketplaceLeads().stream()
			.filter(viewed -> viewed.referral().customer().name().equals(company))
			.findFirst()
			.orElseThrow()
			.referral()
			.id();
		WebSession partner = new WebSession(this.port);
		partner.signIn(this.users.create(this.program.contoso(), "Anna Admin", Role.REFERRALS_ADMIN).email(),
				TestUsers.PASSWORD);

		String leadPage = partner.get("/leads/" + lead).body();
		String list = partner.get("/leads?tab=marketplace").body();

		assertThat(leadPage)
			.contains("&lt;script&gt;alert(&#39;company&#39;)&lt;/script&gt; Kft.",
					"&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;ERP&lt;/b&gt;")
			.doesNotContain("<script>alert", "<img src=x", "<b>ERP</b>");
		assertThat(list).contains("&lt;script&gt;alert(&#39;company&#39;)&lt;/script&gt; Kft.")
			.doesNotContain("<script>alert");
	}

	@Test
	void onlyAListedProfilesOwnLocationsHaveAPage() {
		Location vienna = this.program.vienna();

		assertThat(this.customer.get(MarketplacePaths.location(this.profile.id(), vienna.id())).status())
			.isEqualTo(404);
		assertThat(this.customer.get("/marketplace/partners/not-an-id/locations/" + vienna.id()).status())
			.isEqualTo(404);
		assertThat(this.customer.get("/marketplace/partners/" + this.profile.id()).location())
			.endsWith(MarketplacePaths.location(this.profile.id(), this.profile.locations().get(0).id()));
	}

	private List<ViewedReferral> marketplaceLeads() {
		Caller admin = TestProfiles.admin(this.program.contoso().id());
		ReferralFilter direct = new ReferralFilter.Comparison(ReferralFilter.Field.QUALIFICATION,
				ReferralFilter.Operator.EQ, Qualification.Direct);
		return this.referrals.list(admin, new ReferralQuery(direct, ReferralSort.NEWEST_FIRST, 500, 0, null, false))
			.items();
	}

	private String statusLinkMailedTo(String email) {
		String body = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("select text_body from sent_mail where recipient = ? and kind = 'INQUIRY_CONFIRMATION'")
				.param(email)
				.query(String.class)
				.optional()
				.orElse(null), text -> text != null);
		assertThat(body).contains("Dear Eszter Nagy,", "Contoso Szeged received your request");
		Matcher link = STATUS_LINK.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		return link.group(1);
	}

	private static Map<String, String> inquiry(String email, Map<String, String> overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("company", "Szegedi Pékség Bt.");
		fields.put("size", "10to50employees");
		fields.put("country", "HU");
		fields.put("firstName", "Eszter");
		fields.put("lastName", "Nagy");
		fields.put("email", email);
		fields.put("phone", "+36 62 555 0101");
		fields.put("needs", "An ERP for our two shops");
		fields.put("consentToContact", "true");
		fields.put("website", "");
		fields.putAll(overrides);
		return fields;
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "203.0." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
