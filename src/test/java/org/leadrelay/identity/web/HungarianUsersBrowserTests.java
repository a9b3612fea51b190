package org.leadrelay.identity.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrelay.notification.SentMail;
import org.leadrelay.notification.SentMails;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.LocationDetails;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.LostReason;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Email;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.EnglishTexts;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.PageChecks;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People whose browser speaks Hungarian become Hungarian users at their first sign-in;
 * then every page their role reaches (the header's pages and the pages they link to, one
 * of each kind, and the lead in each of its stages) holds no text that only the English
 * bundle has, in its text or in the attributes a reader meets (title, aria-label,
 * placeholder, alt, a button's value), and neither does the latest mail to them. The same
 * crawl checks what every page owes every role: unique element ids, a header in one row
 * at 1280 px, nothing scrolling sideways at 375 px, and no urgency on an archived lead.
 */
@IntegrationTest
class HungarianUsersBrowserTests {

	/** A page's kind: its path with ids left out and the names of its parameters. */
	private static final Pattern ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9_-]{32,}");

	/**
	 * Links that are no pages to read, or would change the language: files, signing out,
	 * the API, the language switch.
	 */
	private static final Pattern SKIPPED = Pattern.compile(
			"\\.(csv|png|ico|svg|js|css)(\\?|$)|/logo$|/logout|/login|/v1\\.0/|/swagger|/v3/api-docs|/actuator|/oauth2|/webhooks/v1|[?&]lang=");

	private static final int MAX_PAGES_PER_ROLE = 40;

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
	SentMails sentMails;

	@Autowired
	TestProfiles profiles;

	@Test
	void everyRoleReadsEveryPageAndItsMailInHungarian() {
		Program program = this.programs.create();
		Map<Role, TestUser> people = new LinkedHashMap<>();
		people.put(Role.VENDOR_ADMIN, this.users.create(program.vendor(), "Nagy Admin", Role.VENDOR_ADMIN));
		people.put(Role.VENDOR_SELLER, this.users.create(program.vendor(), "Kiss Seller", Role.VENDOR_SELLER));
		people.put(Role.VENDOR_MARKETING,
				this.users.create(program.vendor(), "Szabo Marketing", Role.VENDOR_MARKETING));
		people.put(Role.REFERRALS_ADMIN, this.users.create(program.contoso(), "Kovacs Anna", Role.REFERRALS_ADMIN));
		people.put(Role.REFERRALS_USER,
				this.users.create(program.contoso(), "Toth Bence", Role.REFERRALS_USER, program.budapest()));
		people.put(Role.BUSINESS_PROFILE_ADMIN,
				this.users.create(program.contoso(), "Varga Petra", Role.BUSINESS_PROFILE_ADMIN));
		// signed in first: their first sign-in makes them Hungarian, and so the mails
		// that follow
		Map<Role, Page> pages = new LinkedHashMap<>();
		people.forEach((role, person) -> pages.put(role, signIn(person)));
		Leads leads = leads(program, people);
		// a listed profile, for the partner's profile pages and the marketplace's
		// location pages
		this.profiles.catalogue(program.vendor(), CatalogueKind.INDUSTRY, "Manufacturing");
		this.profiles.indexed(this.profiles.listed(program.contoso(), "Contoso " + BrowserSession.suffix(),
				new Expertise(List.of("Manufacturing"), List.of(), List.of(), List.of()), new LocationDetails(
						"Contoso Debrecen", "Piac utca 1.", "4025", "Debrecen", "HU", "+36 52 555 0100", List.of())));

		Collection<String> englishMail = EnglishTexts.onlyIn("mail/messages");
		List<String> found = new ArrayList<>();
		Caller vendorAdmin = caller(people.get(Role.VENDOR_ADMIN), program.vendor().id(), OrganizationKind.VENDOR,
				Role.VENDOR_ADMIN);
		List<SentMail> mails = this.sentMails.latest(vendorAdmin, PageRequest.of(0, 100)).getContent();
		Crawl crawl = new Crawl(leads, EnglishTexts.onlyIn("messages"), new TreeSet<>(), found);
		pages.forEach((role, page) -> {
			List<String> paths = crawl.pagesOf(page, role);
			assertThat(paths).as(role + " pages").hasSizeGreaterThan(4);
			mails.stream()
				.filter(mail -> mail.recipient().equals(people.get(role).email()))
				.findFirst()
				.ifPresentOrElse(mail -> {
					assertThat(mail.locale()).as(role + "'s latest mail").isEqualTo("hu");
					found.addAll(EnglishTexts.in(
							List.of(mail.subject(), mail.textBody(), mail.htmlBody().replaceAll("<[^>]+>", "\n")),
							englishMail, role + "'s latest mail, " + mail.subject()));
				}, () -> assertThat(role).as("a role that gets no mail").isEqualTo(Role.BUSINESS_PROFILE_ADMIN));
		});

		// vendor staff land on the tab that holds the leads they sent
		for (Role role : List.of(Role.VENDOR_SELLER, Role.VENDOR_MARKETING)) {
			Page page = pages.get(role);
			page.navigate(browser.url("/leads"));
			assertThat(page.locator(".nav-tabs a.active .badge").innerText()).as(role + "'s first tab").isEqualTo("1");
			assertThat(page.locator("li.lead-row").count()).as(role + "'s leads on the first tab").isEqualTo(1);
		}
		assertThat(found).as("English texts, duplicate ids and layout faults on Hungarian pages").isEmpty();
	}

	/**
	 * What the crawl has seen and found, across roles.
	 *
	 * @param narrow the kinds of page already checked at 375 px: the body is the same for
	 * each role, so the first role that reaches a kind checks it (and every role its home
	 * page, for the header)
	 */
	private record Crawl(Leads leads, Collection<String> englishOnly, Set<String> narrow, List<String> found) {

		/**
		 * Reads every page the role reaches, breadth first from its home page and the
		 * lead pages it may see, and adds what is wrong on each to {@code found}.
		 */
		List<String> pagesOf(Page page, Role role) {
			Set<String> kinds = new TreeSet<>();
			List<String> visited = new ArrayList<>();
			Deque<String> queue = new ArrayDeque<>(List.of("/", "/settings", "/notifications/settings"));
			Deque<String> deeper = new ArrayDeque<>(this.leads.pagesFor(role));
			int depth = 0;
			while (depth < 3 && visited.size() < MAX_PAGES_PER_ROLE) {
				if (queue.isEmpty()) {
					queue = deeper;
					deeper = new ArrayDeque<>();
					depth++;
					continue;
				}
				String path = queue.removeFirst();
				String kind = this.leads.pagesFor(role).contains(path) ? path : kind(path);
				if (!kinds.add(kind)) {
					continue;
				}
				Response response = page.navigate(browser.url(path));
				String where = role + " " + path;
				if (response == null || !response.headerValue("content-type").contains("html")) {
					continue;
				}
				if (response.status() >= 400) {
					this.found.add(where + ": HTTP " + response.status());
					continue;
				}
				String landed = local(page.url());
				if (!landed.equals(path) && !kinds.add(kind(landed))) {
					// redirected to a page read before, such as / to /leads
					continue;
				}
				visited.add(path);
				boolean narrow = this.narrow.add(kind) || path.equals("/");
				for (String link : PageChecks.check(page, where, this.englishOnly, narrow, this.found)) {
					URI uri = URI.create(link);
					if (uri.getPort() == URI.create(browser.url("/")).getPort()
							&& !SKIPPED.matcher(local(link)).find()) {
						deeper.add(local(link));
					}
				}
				if (path.equals("/leads/" + this.leads.declined().id())) {
					assertThat(page.locator(".flame, .flame-calm, .alert-danger").count())
						.as(where + ": urgency on an archived lead")
						.isZero();
				}
			}
			return visited;
		}

		private static String local(String url) {
			URI uri = URI.create(url);
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}

	}

	private static String kind(String path) {
		URI uri = URI.create(path);
		Set<String> parameters = new TreeSet<>();
		if (uri.getRawQuery() != null) {
			for (String parameter : uri.getRawQuery().split("&")) {
				parameters.add(parameter.startsWith("tab=") ? parameter : parameter.split("=", 2)[0]);
			}
		}
		return ID.matcher(uri.getRawPath()).replaceAll("{id}") + parameters;
	}

	/**
	 * Signs in from a Hungarian browser, by the form's fields (its labels are Hungarian).
	 */
	private static Page signIn(TestUser person) {
		Page page = browser.newContext(BrowserSession.viewport(1280).setLocale("hu-HU")).newPage();
		browser.signIn(page, person);
		return page;
	}

	/**
	 * A lead in each stage the pages tell apart, each of which mails someone: one a
	 * customer sent from the marketplace, one accepted, one each that the seller and the
	 * marketing colleague sent (won, and declined while its customer waited for a call),
	 * and one the vendor's CRM sent (lost).
	 */
	private Leads leads(Program program, Map<Role, TestUser> people) {
		Caller crm = new Caller(Caller.Kind.API_CLIENT, "client:" + program.vendorClient().clientId(), "Vendor CRM",
				program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Caller partner = caller(people.get(Role.REFERRALS_ADMIN), program.contoso().id(), OrganizationKind.PARTNER,
				Role.REFERRALS_ADMIN);
		Referral inquiry = this.management.receiveInquiry(lead(program, Qualification.Direct, new TeamMember("Tom",
				"Becker", "+36 1 555 0100", new Email("tom.becker-" + BrowserSession.suffix() + "@example.com"))));
		Referral accepted = accept(partner,
				this.management.send(crm, ReferralSpecs.qualified(program.budapest()), Source.API));
		Referral won = accept(partner,
				this.management.send(caller(people.get(Role.VENDOR_SELLER), program.vendor().id(),
						OrganizationKind.VENDOR, Role.VENDOR_SELLER), lead(program, Qualification.SalesQualified, null),
						Source.UI));
		this.management.markWon(partner, won.id(), Source.UI, null);
		Referral declined = this.management.send(caller(people.get(Role.VENDOR_MARKETING), program.vendor().id(),
				OrganizationKind.VENDOR, Role.VENDOR_MARKETING), lead(program, Qualification.MarketingQualified, null),
				Source.UI);
		this.management.decline(partner, declined.id(), "NoCapacity", "Fully booked", Source.UI, null);
		Referral archived = accept(partner,
				this.management.send(crm, ReferralSpecs.contactRequested(program.budapest()), Source.API));
		this.management.markLost(partner, archived.id(), LostReason.values()[0], Source.UI, null);
		for (Referral lead : List.of(inquiry, accepted, won, declined, archived)) {
			this.publications.awaitCompleted(lead.id());
		}
		return new Leads(inquiry, accepted, won, declined, archived);
	}

	private Referral accept(Caller partner, Referral lead) {
		return this.management.accept(partner, lead.id(),
				DealDetails.of("ERP rollout", Money.of(new BigDecimal("12500000"), "HUF"),
						Instant.parse("2030-03-31T00:00:00Z"), "Call them in March", null, null),
				List.of(), Source.UI, null);
	}

	private static NewReferral lead(Program program, Qualification qualification, TeamMember contact) {
		return new NewReferral(program.budapest().id(), qualification, ReferralType.Independent, null, null,
				new Customer("Tisza Pékség Kft. " + BrowserSession.suffix(),
						Address.of(null, null, "Szeged", null, null, "HU"), null,
						contact == null ? List.of() : List.of(contact)),
				new Consent(true, false), new Requirements(List.of(), List.of(), List.of(), List.of()),
				"Pénztárrendszer három üzletbe", null, null, true, null);
	}

	private static Caller caller(TestUser user, org.leadrelay.shared.OrganizationId organization, OrganizationKind kind,
			Role role) {
		return new Caller(Caller.Kind.USER, user.principalId(), user.name(), organization, kind, Set.of(role));
	}

	/** The leads of the crawl, and which of their pages each role reads. */
	private record Leads(Referral inquiry, Referral accepted, Referral won, Referral declined, Referral archived) {

		Set<String> pagesFor(Role role) {
			Set<String> paths = new LinkedHashSet<>();
			switch (role) {
				case BUSINESS_PROFILE_ADMIN -> {
				}
				case VENDOR_SELLER -> paths.add("/leads/" + this.won.id());
				case VENDOR_MARKETING -> paths.add("/leads/" + this.declined.id());
				case REFERRALS_USER -> {
					// the admin's pages, seen by a colleague with fewer rights
					paths.add("/leads/" + this.inquiry.id());
					paths.add("/leads/" + this.accepted.id());
				}
				default -> {
					for (Referral lead : List.of(this.inquiry, this.accepted, this.won, this.declined, this.archived)) {
						paths.add("/leads/" + lead.id());
					}
					if (role == Role.REFERRALS_ADMIN) {
						paths.add("/leads/" + this.accepted.id() + "/won");
						paths.add("/leads/" + this.accepted.id() + "/lost");
					}
				}
			}
			return paths;
		}

	}

}
