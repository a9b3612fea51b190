package org.leadrelay.referral.registration;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Catalogue;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.DealRequests.coSell;
import static org.leadrelay.testing.DealRequests.partnerLed;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * Deal registration over HTTP: the API's registration 72 hours after the deal was created
 * (refused before), the vendor admin's approval and rejection on the registrations page,
 * a channel conflict between two partners flagged and decided, and every new endpoint and
 * verb refusing other tenants with 404.
 */
@IntegrationTest
class DealRegistrationIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	static final String REGISTER = patch("""
			{"op": "add", "path": "/registrations/-", "value": {"type": "AzureIPCoSell",
			 "solutionDetails": [{"id": "Analytics Suite"}], "contract": {"value": 35000, "currency": "EUR"}}}""");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	Catalogue catalogue;

	@Autowired
	MutableClock clock;

	Program program;

	ApiClient contoso;

	ApiClient fabrikam;

	WebSession vendorAdmin;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.catalogue.add(this.program.vendor().id(), CatalogueKind.PRODUCT, "Analytics Suite");
		this.catalogue.add(this.program.vendor().id(), CatalogueKind.PRODUCT, "Data Lake");
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
		this.fabrikam = ApiClient.as(this.port, this.program.fabrikamClient());
		this.vendorAdmin = signedIn(this.program.vendor(), Role.VENDOR_ADMIN);
	}

	@Test
	void aWonDealIsRegisteredThroughTheApiFrom72HoursAfterItWasCreatedNotBefore() {
		String deal = wonDeal(this.contoso, coSell(this.program.vendor()), "Alpine Dairy Kft.", "HU");

		Response early = this.contoso.patch(REFERRALS + "/" + deal, REGISTER);
		assertThat(early.status()).as(early.body()).isEqualTo(409);
		assertThat(early.errorTarget()).isEqualTo("registrations");
		assertThat(early.body()).contains("72 hours");

		this.clock.advance(Duration.ofHours(72));
		Response registered = this.contoso.patch(REFERRALS + "/" + deal, REGISTER);
		assertThat(registered.status()).as(registered.body()).isEqualTo(204);

		JsonNode read = this.contoso.get(REFERRALS + "/" + deal).json();
		assertThat(read.get("registrationStatus").asString()).isEqualTo("Pending");
		assertThat(read.at("/registrations/0/status").asString()).isEqualTo("Pending");
		assertThat(read.at("/registrations/0/contract/value").decimalValue()).isEqualByComparingTo("35000");
		assertThat(read.at("/registrations/0/solutionDetails/0/id").asString()).isEqualTo("Analytics Suite");
		assertThat(audit(this.contoso, deal)).contains("registered");
		Response twice = this.contoso.patch(REFERRALS + "/" + deal + "/", REGISTER);
		assertThat(twice.status()).as("a deal has one registration").isEqualTo(409);
	}

	@Test
	void theStockClientsOperationRegistersThroughTheTrailingSlashPath() {
		String deal = wonDeal(this.contoso, partnerLed(), "Alpine Dairy Kft.", "HU");
		this.clock.advance(Duration.ofHours(73));

		Response registered = this.contoso.patch(REFERRALS + "/" + deal + "/", REGISTER);

		assertThat(registered.status()).as(registered.body()).isEqualTo(200);
		assertThat(registered.json().get("registrationStatus").asString()).isEqualTo("Pending");
	}

	@Test
	void theVendorAdminRejectsOnlyWithAReasonAndApproves() {
		String rejected = registeredDeal(this.contoso, "Alpine Dairy Kft.", "HU");
		String approved = registeredDeal(this.contoso, "Tisza Mills Zrt.", "HU");

		Page list = this.vendorAdmin.get("/registrations");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Alpine Dairy Kft.", "Tisza Mills Zrt.", this.program.contoso().name());
		String withoutReason = registrationId(rejected);
		Page refused = this.vendorAdmin.post("/registrations/" + withoutReason,
				java.util.Map.of("decision", "reject", "reason", " "));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Give a reason to reject the registration.");

		Page tooLong = this.vendorAdmin.post("/registrations/" + withoutReason,
				java.util.Map.of("decision", "reject", "reason", "x".repeat(501)));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.body()).contains("at most 500 characters");

		Page rejecting = this.vendorAdmin.post("/registrations/" + registrationId(rejected),
				java.util.Map.of("decision", "reject", "reason", "The vendor serves this customer directly"));
		Page approving = this.vendorAdmin.post("/registrations/" + registrationId(approved),
				java.util.Map.of("decision", "approve", "reason", ""));

		assertThat(rejecting.status()).isEqualTo(302);
		assertThat(approving.status()).isEqualTo(302);
		JsonNode rejectedDeal = this.contoso.get(REFERRALS + "/" + rejected).json();
		assertThat(rejectedDeal.get("registrationStatus").asString()).isEqualTo("Rejected");
		assertThat(rejectedDeal.at("/registrations/0/statusReason").asString())
			.isEqualTo("The vendor serves this customer directly");
		assertThat(this.contoso.get(REFERRALS + "/" + approved).json().get("registrationStatus").asString())
			.isEqualTo("Approved");
		assertThat(audit(this.contoso, rejected)).contains("registered", "registrationRejected");
		Page again = this.vendorAdmin.post("/registrations/" + registrationId(approved),
				java.util.Map.of("decision", "reject", "reason", "Changed my mind"));
		assertThat(again.status()).as("a decision is final").isEqualTo(409);
	}

	@Test
	void twoPartnersClaimingTheSameCustomerAndProductAreFlaggedAndTheVendorKeepsOne() {
		ObjectNode secret = partnerLed();
		secret.put("name", "Contoso confidential expansion");
		String contosoDeal = wonDeal(this.contoso, secret, "Alpine Dairy Kft.", "HU");
		String fabrikamDeal = wonDeal(this.fabrikam, partnerLed(), "ALPINE DAIRY zrt", "hu");
		this.clock.advance(Duration.ofHours(72));
		register(this.contoso, contosoDeal);
		register(this.fabrikam, fabrikamDeal);

		Page conflicts = this.vendorAdmin.get("/registrations/conflicts");
		assertThat(conflicts.body()).contains("Contoso confidential expansion", this.program.contoso().name(),
				this.program.fabrikam().name());
		Page approveFirst = this.vendorAdmin.post("/registrations/" + registrationId(contosoDeal),
				java.util.Map.of("decision", "approve"));
		assertThat(approveFirst.status()).isEqualTo(409);
		assertThat(approveFirst.body()).contains("Decide the conflict first");
		WebSession fabrikamUser = signedIn(this.program.fabrikam(), Role.REFERRALS_ADMIN);
		Page fabrikamView = fabrikamUser.get("/deals/" + fabrikamDeal + "/registration");
		assertThat(fabrikamView.body()).contains("under vendor review")
			.doesNotContain("Contoso confidential expansion", this.program.contoso().name(), contosoDeal);

		String conflict = conflictId(conflicts.body());
		Page stranger = this.vendorAdmin.post("/registrations/conflicts/" + conflict,
				java.util.Map.of("keep", java.util.UUID.randomUUID().toString(), "reason", "Neither"));
		assertThat(stranger.status()).as("a deal outside the conflict").isEqualTo(422);
		Page noReason = this.vendorAdmin.post("/registrations/conflicts/" + conflict,
				java.util.Map.of("keep", contosoDeal, "reason", ""));
		assertThat(noReason.status()).isEqualTo(422);
		Page kept = this.vendorAdmin.post("/registrations/conflicts/" + conflict,
				java.util.Map.of("keep", contosoDeal, "reason", "Contoso registered the customer first"));

		assertThat(kept.status()).isEqualTo(302);
		assertThat(this.contoso.get(REFERRALS + "/" + contosoDeal).json().get("registrationStatus").asString())
			.isEqualTo("Approved");
		JsonNode lost = this.fabrikam.get(REFERRALS + "/" + fabrikamDeal).json();
		assertThat(lost.get("registrationStatus").asString()).isEqualTo("Rejected");
		assertThat(lost.at("/registrations/0/statusReason").asString())
			.isEqualTo("Contoso registered the customer first");
		assertThat(audit(this.fabrikam, fabrikamDeal)).contains("conflictFlagged", "conflictResolved",
				"registrationRejected");
		assertThat(this.fabrikam.get(REFERRALS + "/" + fabrikamDeal + "/audit").body()).doesNotContain(contosoDeal,
				"Contoso confidential expansion");
		assertThat(fabrikamUser.get("/deals/" + fabrikamDeal + "/registration").body())
			.doesNotContain("under vendor review");
		assertThat(this.vendorAdmin.get("/registrations/conflicts").body()).contains("Resolved");
	}

	@Test
	void aPartnersOwnDealsAndAnotherCountrysCustomerAreNoConflict() {
		wonDeal(this.contoso, partnerLed(), "Alpine Dairy Kft.", "HU");
		wonDeal(this.contoso, partnerLed(), "Alpine Dairy", "HU");
		wonDeal(this.fabrikam, partnerLed(), "Alpine Dairy", "AT");

		assertThat(this.vendorAdmin.get("/registrations/conflicts").body()).contains("No channel conflicts.");
	}

	@Test
	void everyNewEndpointAndVerbAnswersOtherTenantsNotFound() {
		String deal = registeredDeal(this.contoso, "Alpine Dairy Kft.", "HU");
		wonDeal(this.fabrikam, partnerLed(), "Alpine Dairy", "HU");
		String registration = registrationId(deal);
		String conflict = conflictId(this.vendorAdmin.get("/registrations/conflicts").body());
		Program other = this.programs.create();
		WebSession otherVendor = signedIn(other.vendor(), Role.VENDOR_ADMIN);
		WebSession fabrikamUser = signedIn(this.program.fabrikam(), Role.REFERRALS_ADMIN);

		assertThat(otherVendor.get("/registrations").body()).doesNotContain("Alpine Dairy")
			.contains("No deal registrations yet.");
		assertThat(otherVendor.post("/registrations/" + registration, java.util.Map.of("decision", "approve")).status())
			.isEqualTo(404);
		assertThat(otherVendor.get("/registrations/conflicts").body()).contains("No channel conflicts.");
		assertThat(
				otherVendor.post("/registrations/conflicts/" + conflict, java.util.Map.of("reason", "Mine")).status())
			.isEqualTo(404);
		assertThat(fabrikamUser.get("/deals/" + deal + "/registration").status()).isEqualTo(404);
		assertThat(fabrikamUser
			.post("/deals/" + deal + "/registration", java.util.Map.of("products", "Analytics Suite", "value", "1"))
			.status()).isEqualTo(404);
		assertThat(fabrikamUser.get("/registrations").status()).as("partners do not decide registrations")
			.isEqualTo(403);
		assertThat(this.fabrikam.patch(REFERRALS + "/" + deal, REGISTER).status()).isEqualTo(404);
		assertThat(this.fabrikam.patch(REFERRALS + "/" + deal + "/", REGISTER).status()).isEqualTo(404);
		assertThat(this.fabrikam.get(REFERRALS + "/" + deal).status()).isEqualTo(404);
		assertThat(this.vendorAdmin.get("/deals/" + deal + "/registration").status()).isEqualTo(404);
		assertThat(this.vendorAdmin.post("/registrations/not-a-uuid", java.util.Map.of("decision", "approve")).status())
			.isEqualTo(404);
	}

	@Test
	void thePartnerRegistersOnItsPageAfter72HoursWithAClearMessageBefore() {
		String deal = wonDeal(this.contoso, coSell(this.program.vendor()), "Alpine Dairy Kft.", "HU");
		WebSession contosoUser = signedIn(this.program.contoso(), Role.REFERRALS_ADMIN);
		assertThat(contosoUser.get("/deals/" + deal).body()).as("the won deal's page leads to its registration")
			.contains("href=\"/deals/" + deal + "/registration\"");

		Page early = contosoUser.get("/deals/" + deal + "/registration");
		assertThat(early.body()).contains("72 hours or more after it was created").doesNotContain("registration-form");

		this.clock.advance(Duration.ofHours(72));
		Page form = contosoUser.get("/deals/" + deal + "/registration");
		assertThat(form.body()).contains("registration-form");
		Page registered = contosoUser.post("/deals/" + deal + "/registration",
				java.util.Map.of("products", "Analytics Suite", "value", "38000"));
		assertThat(registered.status()).isEqualTo(302);
		Page shown = contosoUser.get("/deals/" + deal + "/registration");
		assertThat(shown.body()).contains("The deal is registered", "Pending", "Analytics Suite");
		assertThat(this.contoso.get(REFERRALS + "/" + deal).json().at("/registrations/0/contract/value").decimalValue())
			.isEqualByComparingTo("38000");
	}

	private String registeredDeal(ApiClient partner, String customer, String country) {
		String deal = wonDeal(partner, partnerLed(), customer, country);
		this.clock.advance(Duration.ofHours(72));
		register(partner, deal);
		return deal;
	}

	private static void register(ApiClient partner, String deal) {
		Response registered = partner.patch(REFERRALS + "/" + deal, REGISTER);
		assertThat(registered.status()).as(registered.body()).isEqualTo(204);
	}

	private static String wonDeal(ApiClient partner, ObjectNode body, String customer, String country) {
		((ObjectNode) body.get("customerProfile")).put("name", customer);
		((ObjectNode) body.at("/customerProfile/address")).put("country", country);
		((ObjectNode) body.at("/details/requirements")).putArray("products").addObject().put("id", "Analytics Suite");
		Response created = partner.post(REFERRALS, body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String deal = created.json().get("id").asString();
		Response won = partner.patch(REFERRALS + "/" + deal,
				patch(replace("/status", "\"Closed\""), replace("/substatus", "\"Won\"")));
		assertThat(won.status()).as(won.body()).isEqualTo(204);
		return deal;
	}

	private String registrationId(String deal) {
		return this.contoso.get(REFERRALS + "/" + deal).json().at("/registrations/0/id").asString();
	}

	private static String conflictId(String page) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("data-conflict=\"([0-9a-f-]{36})\"")
			.matcher(page);
		assertThat(matcher.find()).as("a conflict on the page").isTrue();
		return matcher.group(1);
	}

	private static List<String> audit(ApiClient caller, String id) {
		return caller.get(REFERRALS + "/" + id + "/audit").json().findValuesAsString("action");
	}

	private WebSession signedIn(org.leadrelay.partner.Organization organization, Role role) {
		TestUsers.TestUser user = this.users.create(organization, "Vera Admin", role);
		WebSession session = new WebSession(this.port);
		session.signIn(user.email(), TestUsers.PASSWORD);
		return session;
	}

}
