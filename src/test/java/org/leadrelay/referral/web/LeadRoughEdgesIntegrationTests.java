package org.leadrelay.referral.web;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leads workspace's rough edges of issue 15 over plain HTTP, without JavaScript:
 * where vendor staff land, Won and Lost that ask first, archived leads without urgency,
 * the customer's request kept apart from the partner's notes, active currencies with the
 * program's default, phones that dial, a deal team member with name, phone and email, and
 * the favicon.
 */
@IntegrationTest
class LeadRoughEdgesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralSearch search;

	@Autowired
	MutableClock clock;

	Program program;

	Caller vendor;

	WebSession partner;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = new Caller(Caller.Kind.API_CLIENT, "client:northwind", "Northwind CRM",
				this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		this.partner = signedIn(this.program.contoso(), "Bence Szabo", Role.REFERRALS_ADMIN);
	}

	@Test
	void vendorStaffLandOnTheTabThatHoldsTheirLeads() {
		send("Tisza Bank", true);
		WebSession seller = signedIn(this.program.vendor(), "Sebastian Seller", Role.VENDOR_SELLER);
		WebSession marketing = signedIn(this.program.vendor(), "Maria Marketing", Role.VENDOR_MARKETING);

		assertThat(activeTab(seller.get("/leads").body())).isEqualTo("Qualified leads");
		assertThat(activeTab(marketing.get("/leads").body())).isEqualTo("Qualified leads");
		assertThat(activeTab(this.partner.get("/leads").body())).as("a partner with qualified leads only")
			.isEqualTo("Qualified leads");
		assertThat(
				activeTab(signedIn(this.program.fabrikam(), "Franz Huber", Role.REFERRALS_ADMIN).get("/leads").body()))
			.as("nothing anywhere: the first tab")
			.isEqualTo("Marketplace leads");
		assertThat(activeTab(seller.get("/leads?tab=marketplace").body())).isEqualTo("Marketplace leads");
	}

	@Test
	void wonAsksFirstSayingTheLeadIsArchivedAndWorksWithoutJavaScript() {
		Referral lead = accepted(send("Alpine Dairy", true));

		String page = this.partner.get("/leads/" + lead.id()).body();
		assertThat(page).contains("href=\"/leads/" + lead.id() + "/won\"")
			.doesNotContain("action=\"/leads/" + lead.id() + "/won\"");

		Page confirm = this.partner.get("/leads/" + lead.id() + "/won");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body())
			.contains("Mark this deal won?", "This archives the lead.", "read-only for good",
					"Yes, mark won and archive", "No, keep working on it")
			.doesNotContain("confirm(");
		assertThat(this.search.get(caller(), lead.id()).referral().isArchived()).as("asking changes nothing").isFalse();

		Page won = this.partner.post("/leads/" + lead.id() + "/won", Map.of("version", version(lead)));
		assertThat(won.status()).isEqualTo(302);
		assertThat(this.partner.get("/leads/" + lead.id()).body()).contains("Archived: Won",
				"Archived leads are read-only");
		assertThat(this.partner.get("/leads/" + lead.id() + "/won").location()).as("nothing left to confirm")
			.endsWith("/leads/" + lead.id());
	}

	@Test
	void lostAsksFirstInHungarianTooAndKeepsItsReason() {
		Referral lead = accepted(send("Puszta Foods", false));
		WebSession hungarian = signedIn(this.program.contoso(), "Kovács Anna", Role.REFERRALS_ADMIN);

		// the header's language switch: Hungarian for the rest of the session
		Page confirm = hungarian.get("/leads/" + lead.id() + "/lost?lang=hu");
		assertThat(confirm.body()).contains("Elveszettként jelöli az üzletet?", "Ezzel az érdeklődőt archiváljuk.",
				"végleg csak olvasható", "Igen, elveszettként jelölöm és archiválom");

		Page refused = hungarian.post("/leads/" + lead.id() + "/lost",
				Map.of("version", version(lead), "reason", "NotAReason"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Válasszon okot a listából.").contains("id=\"reason-errors\"");

		Page lost = hungarian.post("/leads/" + lead.id() + "/lost",
				Map.of("version", version(lead), "reason", "Price"));
		assertThat(lost.status()).isEqualTo(302);
		Referral archived = this.search.get(caller(), lead.id()).referral();
		assertThat(archived.isArchived()).isTrue();
		assertThat(archived.statusReason()).isEqualTo("Price");
	}

	@Test
	void archivedLeadsShowNoUrgencyInTheListOrOnTheLead() {
		Referral waiting = send("Rainier Health", true);
		Referral declined = send("Danube Logistics", true);
		this.management.decline(caller(), declined.id(), "NoCapacity", null, Source.UI, null);

		String list = this.partner.get("/leads?tab=qualified").body();
		String waitingPage = this.partner.get("/leads/" + waiting.id()).body();
		String declinedPage = this.partner.get("/leads/" + declined.id()).body();

		assertThat(row(list, "Rainier Health")).contains("class=\"flame\"");
		assertThat(row(list, "Danube Logistics")).doesNotContain("flame").doesNotContain("contact them now");
		assertThat(waitingPage).contains("The customer is waiting for your call");
		assertThat(declinedPage).doesNotContain("class=\"flame").doesNotContain("Contact them now");
	}

	@Test
	void acceptingKeepsTheCustomersRequestBesideThePartnersNotes() {
		Referral lead = send("Balaton Hotels", false);
		Page form = this.partner.get("/leads/" + lead.id() + "/accept");
		assertThat(form.body()).contains("The customer&#39;s request", "Booking system for four hotels");

		Map<String, String> accept = new HashMap<>(
				Map.of("deal.version", version(lead), "deal.name", "Hotel ERP", "deal.value", "30000", "deal.currency",
						"EUR", "deal.purchaseDate", "2027-04-30", "deal.notes", "Two sites first, then the rest"));
		assertThat(this.partner.post("/leads/" + lead.id() + "/accept", accept).status()).isEqualTo(302);

		String page = this.partner.get("/leads/" + lead.id()).body();
		assertThat(page).containsPattern("id=\"customer-request\"[^>]*>Booking system for four hotels<")
			.containsPattern("id=\"deal-notes\"[^>]*>Two sites first, then the rest<");
		Referral accepted = this.search.get(caller(), lead.id()).referral();
		assertThat(accepted.notes()).as("the API's details/notes").isEqualTo("Two sites first, then the rest");
		assertThat(accepted.customerRequest()).isEqualTo("Booking system for four hotels");
	}

	@Test
	void theFormsOfferActiveCurrenciesOnlyWithTheProgramsDefaultChosen() {
		Referral lead = send("Tokaj Wines", false, null);
		WebSession seller = signedIn(this.program.vendor(), "Sebastian Seller", Role.VENDOR_SELLER);

		String accept = this.partner.get("/leads/" + lead.id() + "/accept").body();
		String newLead = seller.get("/leads/new").body();

		for (String form : List.of(accept, newLead)) {
			assertThat(form)
				.contains("<option value=\"EUR\" selected=\"selected\">EUR</option>",
						"<option value=\"HUF\">HUF</option>", "<option value=\"USD\">USD</option>")
				.doesNotContain("value=\"DEM\"", "value=\"FRF\"", "value=\"ATS\"", "value=\"HRK\"", "value=\"XAU\"");
		}
	}

	@Test
	void phonesDialAndADealTeamMemberNeedsNamePhoneAndEmail() {
		Referral lead = accepted(send("Győr Logistics", true));
		String page = this.partner.get("/leads/" + lead.id()).body();
		assertThat(page).contains("<a class=\"text-nowrap\" href=\"tel:+3652555010\">+36 52 555 010</a>");

		Page refused = this.partner.post("/leads/" + lead.id() + "/team",
				Map.of("version", version(lead), "email", "peter.toth@contoso.example"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"firstName-errors\"", "id=\"lastName-errors\"", "id=\"phone-errors\"");

		Page added = this.partner.post("/leads/" + lead.id() + "/team", Map.of("version", version(lead), "firstName",
				"Péter", "lastName", "Tóth", "phone", "+36 30 555 0199", "email", "peter.toth@contoso.example"));
		assertThat(added.status()).isEqualTo(302);
		assertThat(this.partner.get("/leads/" + lead.id()).body()).contains("href=\"tel:+36305550199\"");
	}

	@Test
	void theFaviconIsServedAndLinked() throws Exception {
		HttpResponse<byte[]> icon = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/favicon.ico")).build(),
					HttpResponse.BodyHandlers.ofByteArray());

		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.body()).startsWith(0, 0, 1, 0);
		assertThat(this.partner.get("/leads").body()).contains("<link rel=\"icon\" href=\"/favicon.ico\"");
	}

	private Referral send(String customer, boolean contactRequested) {
		return send(customer, contactRequested, Money.of(new BigDecimal("25000"), "EUR"));
	}

	private Referral send(String customer, boolean contactRequested, Money value) {
		NewReferral lead = new NewReferral(this.program.budapest().id(), Qualification.SalesQualified,
				ReferralType.Independent, null, null,
				new Customer(customer, Address.of(null, null, "Debrecen", null, null, "HU"), null,
						List.of(TeamMember.of("contact", "Eszter", "Nagy", "+36 52 555 010", "eszter@alpine.example"))),
				new Consent(true, false), Requirements.NONE, "Booking system for four hotels", value, null,
				contactRequested, null);
		this.clock.advance(Duration.ofSeconds(1));
		return this.management.send(this.vendor, lead, Source.API);
	}

	private Referral accepted(Referral lead) {
		return this.management.accept(
				caller(), lead.id(), DealDetails.of("Deal", Money.of(BigDecimal.TEN, "EUR"),
						this.clock.instant().plus(Duration.ofDays(90)), "Notes", null, null),
				List.of(), Source.UI, null);
	}

	private String version(Referral lead) {
		return String.valueOf(this.search.get(caller(), lead.id()).referral().version());
	}

	private Caller caller() {
		return new Caller(Caller.Kind.USER, "user:bence", "Bence Szabo", this.program.contoso().id(),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
	}

	private WebSession signedIn(org.leadrelay.partner.Organization organization, String name, Role role) {
		WebSession session = new WebSession(this.port);
		session.signIn(this.users.create(organization, name, role).email(), TestUsers.PASSWORD);
		return session;
	}

	/** The name of the tab the list shows. */
	private static String activeTab(String body) {
		int current = body.indexOf("aria-current=\"page\"");
		assertThat(current).as("a current tab").isPositive();
		int start = body.indexOf("<span>", current) + "<span>".length();
		return body.substring(start, body.indexOf("</span>", start));
	}

	/** The list row of a customer. */
	private static String row(String list, String customer) {
		int at = list.indexOf(customer);
		assertThat(at).as(customer + " in the list").isPositive();
		int start = list.lastIndexOf("<li", at);
		return list.substring(start, list.indexOf("</li>", at));
	}

}
