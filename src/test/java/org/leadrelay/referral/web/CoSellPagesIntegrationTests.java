package org.leadrelay.referral.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The co-sell workspace over plain HTTP: the New deal form's errors, the lists of both
 * sides, a refused stage change in the reader's language, and another organization's
 * deal, which every page and action of a deal answers as not found.
 */
@IntegrationTest
class CoSellPagesIntegrationTests {

	/** Valid input for every action's form, so that only the deal's owner decides. */
	private static final Map<String, String> ANY_FORM = Map.ofEntries(Map.entry("version", "0"),
			Map.entry("stage", "Qualified"), Map.entry("reason", "Price"), Map.entry("consent", "true"),
			Map.entry("firstName", "Fritz"), Map.entry("lastName", "Berg"), Map.entry("phone", "+43 1 555"),
			Map.entry("email", "fritz@fabrikam.example"), Map.entry("name", "X"), Map.entry("value", "1"),
			Map.entry("currency", "EUR"), Map.entry("purchaseDate", "2027-01-01"), Map.entry("notes", "N"));

	private static final Pattern VERSION = Pattern.compile("name=\"(?:deal\\.)?version\" value=\"(\\d+)\"");

	private static final Pattern DEAL = Pattern.compile("/deals/([0-9a-f-]{36})");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	Program program;

	WebSession contoso;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.contoso = signedIn(this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_ADMIN).email());
	}

	@Test
	void aNewDealWithMissingFieldsComesBackWithTheInputKeptAndEachErrorAtItsField() {
		this.contoso.get("/deals/new");
		Map<String, String> form = coSell("Dairy analytics");
		form.remove("deal.value");
		form.put("assistanceCode", "");
		form.put("solutions", "");
		form.put("member.email", "not an address");

		Page page = this.contoso.post("/deals/new", form);

		assertThat(page.status()).isEqualTo(422);
		assertThat(page.body()).contains("value=\"Dairy analytics\"")
			.contains("value=\"Alpine Dairy Kft.\"")
			.contains("id=\"deal.value-errors\"")
			.contains("id=\"member.email-errors\"");
		form.put("deal.value", "40000");
		form.put("member.email", "anna.kovacs@contoso.example");
		Page refused = this.contoso.post("/deals/new", form);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("a deal needs at least one.");
		form.put("solutions", "Dairy BI pack");
		assertThat(this.contoso.post("/deals/new", form).body())
			.contains("For a co-sell deal, choose the help you ask of the vendor.");
	}

	@Test
	void aCoSellDealIsOutboundForThePartnerAndAnInvitationForTheVendorWhichAnswersIt() {
		String deal = create(this.contoso, coSell("Dairy analytics"));
		assertThat(this.contoso.get("/deals?tab=outbound").body()).contains("Dairy analytics")
			.contains("Co-sell")
			.contains("with " + this.program.vendor().name());
		assertThat(new String(this.contoso.download("/deals/export.csv?tab=outbound"), StandardCharsets.UTF_8))
			.contains("Dairy analytics");

		WebSession vendor = signedIn(
				this.users.create(this.program.vendor(), "Vera Vendor", Role.VENDOR_SELLER).email());
		Page inbound = vendor.get("/deals");
		assertThat(inbound.body()).contains("Dairy analytics").contains("days left");
		String invitation = idIn(inbound.body());
		assertThat(invitation).isNotEqualTo(deal);
		vendor.get("/deals/" + invitation + "/decline");
		assertThat(vendor.post("/deals/" + invitation + "/decline", Map.of("version", "0")).status()).isEqualTo(422);

		String version = version(vendor.get("/deals/" + invitation + "/accept").body());
		Page accepted = vendor.post("/deals/" + invitation + "/accept",
				Map.of("deal.version", version, "deal.name", "Dairy analytics", "deal.value", "40000", "deal.currency",
						"EUR", "deal.purchaseDate", "2027-03-31", "deal.notes", "We run the demo"));
		assertThat(accepted.location()).endsWith("/deals/" + invitation);
		assertThat(this.contoso.get("/deals/" + deal).body()).contains(this.program.vendor().name())
			.contains("Accepted (10 %)")
			.doesNotContain("We run the demo");
	}

	@Test
	void aRefusedStageChangeSaysWhyInTheReadersLanguage() {
		String deal = create(this.contoso, coSell("Dairy analytics"));
		String version = version(this.contoso.get("/deals/" + deal).body());
		Page moved = this.contoso.post("/deals/" + deal + "/stage", Map.of("version", version, "stage", "Qualified"));
		assertThat(moved.location()).as(moved.toString()).endsWith("/deals/" + deal);

		Page refused = this.contoso.post("/deals/" + deal + "/stage", Map.of("stage", "Accepted"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("This deal is Qualified (20 %) already and cannot go back to Accepted");

		WebSession hungarian = signedIn(
				this.users.create(this.program.contoso(), "Kiss Anna", Role.REFERRALS_ADMIN).email());
		hungarian.header("Accept-Language", "hu");
		hungarian.get("/deals/" + deal + "?lang=hu");
		Page magyar = hungarian.post("/deals/" + deal + "/stage", Map.of("stage", "Won"));
		assertThat(magyar.status()).isEqualTo(409);
		assertThat(magyar.body()).contains("Az üzlet akkor lesz Megnyerve, amikor megnyertként jelöli meg.");
	}

	@Test
	void anotherOrganizationsDealIsNotFoundOnEveryPageAndAction() {
		String deal = create(this.contoso, coSell("Dairy analytics"));
		WebSession fabrikam = signedIn(
				this.users.create(this.program.fabrikam(), "Fritz Fabrikam", Role.REFERRALS_ADMIN).email());
		fabrikam.get("/deals");
		for (String action : List.of("", "/accept", "/decline", "/edit", "/team", "/won", "/lost", "/stage",
				"/share")) {
			assertThat(fabrikam.get("/deals/" + deal + action).status()).as("GET %s", action).isEqualTo(404);
		}
		for (String action : List.of("/accept", "/decline", "/edit", "/team", "/won", "/lost", "/stage", "/share")) {
			assertThat(fabrikam.post("/deals/" + deal + action, ANY_FORM).status()).as("POST %s", action)
				.isEqualTo(404);
		}
		assertThat(this.contoso.get("/deals/" + deal).status()).isEqualTo(200);
	}

	private WebSession signedIn(String email) {
		WebSession session = new WebSession(this.port);
		session.signIn(email, TestUsers.PASSWORD);
		return session;
	}

	private Map<String, String> coSell(String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("location", this.program.budapest().id().toString());
		form.put("type", "CoSell");
		form.put("assistanceCode", "ProofOfConceptOrDemo");
		form.put("inviteNotes", "Could your team run the demo?");
		form.put("deal.name", name);
		form.put("deal.value", "40000");
		form.put("deal.currency", "EUR");
		form.put("deal.purchaseDate", "2027-03-31");
		form.put("deal.notes", "Our margin is 20 %");
		form.put("member.firstName", "Anna");
		form.put("member.lastName", "Kovács");
		form.put("member.phone", "+36 1 555 0100");
		form.put("member.email", "anna.kovacs@contoso.example");
		form.put("solutions", "Dairy BI pack");
		form.put("customerName", "Alpine Dairy Kft.");
		form.put("country", "HU");
		form.put("city", "Debrecen");
		return form;
	}

	private static String create(WebSession session, Map<String, String> form) {
		session.get("/deals/new");
		Page created = session.post("/deals/new", form);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		return idIn(created.location());
	}

	/** The version a page's form carries. */
	private static String version(String body) {
		Matcher matcher = VERSION.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static String idIn(String text) {
		Matcher matcher = DEAL.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

}
