package org.leadrelay.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.Expertise;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.newReferral;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * Hostile input gets a client error that says what is wrong, never a 500: oversized
 * bodies, out-of-range numbers and dates, control characters, malformed parameters.
 */
@IntegrationTest
class HostileInputIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestProfiles profiles;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	Program program;

	ApiClient vendor;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = ApiClient.as(this.port, this.program.vendorClient());
	}

	@Test
	void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
		// Refused before authentication too: nothing reads the body first.
		String head = "POST " + REFERRALS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
		String prefix = "{\"name\": \"";

		String declared = exchange(head + "Content-Length: " + (70L << 20) + "\r\n\r\n" + prefix, 0);
		assertThat(declared).startsWith("HTTP/1.1 413").contains("application/problem+json", "payloadTooLarge");

		// Chunked: no length declared, 14 MB of patch operations on offer, the answer
		// comes
		// after the first megabyte.
		String chunked = exchange(head.replace("POST", "PATCH").replace(REFERRALS, REFERRALS + "/x")
				+ "Transfer-Encoding: chunked\r\n\r\n", 14 << 20);
		assertThat(chunked).startsWith("HTTP/1.1 413").contains("payloadTooLarge");

		assertThat(this.vendor.post(REFERRALS, newReferral(this.program.budapest()).toString()).status())
			.as("a body under the limit is read as before")
			.isEqualTo(201);
	}

	@Test
	void datesAndNumbersOutOfRangeAreRefusedNamingTheValue() {
		ObjectNode body = newReferral(this.program.budapest());
		((ObjectNode) body.get("details")).put("closingDateTime", "+999999999-12-31T00:00:00Z");
		Response farFuture = this.vendor.post(REFERRALS, body.toString());
		assertThat(farFuture.status()).as(farFuture.body()).isEqualTo(400);
		assertThat(farFuture.errorTarget()).isEqualTo("details/closingDateTime");

		((ObjectNode) body.get("details")).put("closingDateTime", "2027-03-31T00:00:00Z");
		((ObjectNode) body.get("details")).put("dealValue", new BigDecimal("1e-999999999"));
		assertThat(this.vendor.post(REFERRALS, body.toString()).errorTarget()).isEqualTo("details/dealValue");
		((ObjectNode) body.get("details")).put("dealValue", new BigDecimal("1e131072"));
		assertThat(this.vendor.post(REFERRALS, body.toString()).errorTarget()).isEqualTo("details/dealValue");

		for (String filter : List.of("createdDateTime gt +999999999-01-01T00:00:00Z",
				"expirationDateTime lt -999999999-01-01T00:00:00Z", "details/dealValue gt 1e-999999999",
				"details/dealValue gt 1e131072", "details/dealValue lt -1e131072", "details/dealValue eq 0.001")) {
			Response refused = this.vendor.get(REFERRALS, Map.of("$filter", filter));
			String literal = filter.substring(filter.lastIndexOf(' ') + 1);
			assertThat(refused.status()).as(filter + ": " + refused.body()).isEqualTo(400);
			assertThat(refused.body()).as(filter).contains(literal);
		}
		assertThat(this.vendor.get(REFERRALS, Map.of("$filter", "details/dealValue lt 99999999999999999.99")).status())
			.isEqualTo(200);
	}

	@Test
	void controlCharactersAreRefusedNamingTheField() {
		ObjectNode body = newReferral(this.program.budapest());
		body.put("name", "Alpine\u0000ERP");
		Response nul = this.vendor.post(REFERRALS, body.toString());
		assertThat(nul.status()).as(nul.body()).isEqualTo(400);
		assertThat(nul.errorTarget()).isEqualTo("name");
		assertThat(nul.body()).contains("control character");

		body.put("name", "Alpine ERP");
		((ObjectNode) body.at("/customerProfile/team/0")).put("firstName", "Eszter\u001b[31m");
		assertThat(this.vendor.post(REFERRALS, body.toString()).errorTarget())
			.isEqualTo("customerProfile/team/0/firstName");

		((ObjectNode) body.at("/customerProfile/team/0")).put("firstName", "Eszter");
		((ObjectNode) body.get("details")).put("notes", "Line one\r\n\tLine two");
		Response created = this.vendor.post(REFERRALS, body.toString());
		assertThat(created.status()).as("tab and line breaks are text").isEqualTo(201);

		Response patched = ApiClient.as(this.port, this.program.contosoClient())
			.patch(REFERRALS + "/" + created.json().get("id").asString(),
					patch(replace("/details/notes", "\"x\\u0000y\"")));
		assertThat(patched.status()).as(patched.body()).isEqualTo(400);
		assertThat(patched.errorTarget()).isEqualTo("details/notes");
	}

	@Test
	void theInquiryFormShowsAControlCharacterAtItsFieldAndKeepsTheInput() {
		BusinessProfile profile = this.profiles.listed(this.program.contoso(), "Contoso Consulting",
				new Expertise(List.of(), List.of(), List.of(), List.of("Inventory")),
				TestProfiles.location("Contoso Szeged", "HU"));
		String page = MarketplacePaths.location(profile.id(), profile.locations().get(0).id());
		WebSession customer = new WebSession(this.port).from("203.0.113." + (this.port % 250 + 1));
		customer.get(page);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("company", "Szegedi\u0000Pékség");
		fields.put("size", "nobody knows");
		fields.put("country", "HU");
		fields.put("firstName", "Eszter");
		fields.put("lastName", "Nagy");
		fields.put("email", "eszter@example.com");
		fields.put("needs", "An ERP for our two shops");
		fields.put("consentToContact", "true");
		fields.put("website", "");
		fields.put("company.bytes", "1");

		Page refused = customer.post(page, fields);

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("Remove the control characters", "value=\"eszter@example.com\"",
				"An ERP for our two shops");
	}

	@Test
	void malformedMarketplaceParametersStillShowThePage() {
		WebSession visitor = new WebSession(this.port);
		for (String query : List.of("page=99999999999", "page=-1", "page=0", "page=x", "size=x", "size=",
				"page=1&page=2", "q=%00", "country=%01%02", "q=" + "x".repeat(3000), "page.x=1", "q.length=2",
				"size.name=x", "page%5B0%5D=1")) {
			Page page = visitor.get("/marketplace?" + query);
			assertThat(page.status()).as(query + ": " + page).isEqualTo(200);
		}
	}

	@Test
	void aFormWithValuesOfTheWrongKindOrRangeIsShownAgainWithMessages() {
		Caller vendorCaller = new Caller(Caller.Kind.API_CLIENT, "client:northwind", "Northwind CRM",
				this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Referral lead = this.management.send(vendorCaller, ReferralSpecs.qualified(this.program.budapest()),
				Source.API);
		WebSession browser = new WebSession(this.port);
		browser.signIn(this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_ADMIN).email(),
				TestUsers.PASSWORD);
		browser.get("/leads/" + lead.id() + "/accept");
		Map<String, String> form = new HashMap<>(Map.of("deal.version", String.valueOf(lead.version()), "deal.name",
				"Alpine\u0007ERP", "deal.value", "1e999999999", "deal.currency", "EUR", "deal.purchaseDate",
				"+999999999-12-31", "deal.notes", "Three warehouses"));

		Page refused = browser.post("/leads/" + lead.id() + "/accept", form);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("Remove the control characters", "Three warehouses");

		form.put("deal.name", "Alpine ERP");
		form.put("deal.value", "1000");
		Page farDate = browser.post("/leads/" + lead.id() + "/accept", form);
		assertThat(farDate.status()).as(farDate.body()).isEqualTo(422);

		form.put("deal.purchaseDate", "2027-04-30");
		form.put("deal.version", "99999999999");
		assertThat(browser.post("/leads/" + lead.id() + "/accept", form).status()).isLessThan(500);
	}

	@Test
	void noFormOrPageParameterFailsWhateverItCarries() {
		Caller vendorCaller = new Caller(Caller.Kind.API_CLIENT, "client:northwind", "Northwind CRM",
				this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Referral lead = this.management.send(vendorCaller, ReferralSpecs.qualified(this.program.budapest()),
				Source.API);
		WebSession partner = new WebSession(this.port);
		partner.signIn(
				this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_ADMIN, this.program.budapest())
					.email(),
				TestUsers.PASSWORD);
		WebSession vendor = new WebSession(this.port);
		vendor.signIn(this.users.create(this.program.vendor(), "Vera Vendor", Role.VENDOR_ADMIN).email(),
				TestUsers.PASSWORD);
		partner.get("/leads/" + lead.id());
		vendor.get("/leads/new");
		List<String> fields = List.of("version", "name", "value", "currency", "purchaseDate", "notes", "reason",
				"firstName", "lastName", "email", "phone", "url", "events", "description", "website", "linkedIn",
				"industries", "products", "services", "solutions", "customerSizes", "location", "qualification",
				"dealName", "customerName", "country", "city", "size", "organization", "displayName", "roles",
				"locations", "addressLine", "postalCode", "alertEmails", "range", "from", "to", "type", "page", "tab",
				"stage", "search", "sort", "deal.version", "deal.value", "deal.purchaseDate", "contact.email",
				"member.email", "name.bytes", "version.x", "roles[0]", "events[99999999999]");
		for (String value : List.of("\u0000x", "99999999999", "-1", "+999999999-12-31", "1e999999999", "")) {
			Map<String, String> form = new LinkedHashMap<>();
			fields.forEach(field -> form.put(field, value));
			String query = fields.stream()
				.map(field -> URLEncoder.encode(field, StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(value, StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			for (String action : List.of("accept", "decline", "edit", "team", "won", "lost")) {
				assertNoFailure(partner.post("/leads/" + lead.id() + "/" + action, form), action, value);
			}
			for (String path : List.of("/profile", "/webhooks", "/users", "/api-clients", "/notifications/settings",
					"/leads/" + lead.id() + "/favorite")) {
				assertNoFailure(partner.post(path, form), path, value);
			}
			assertNoFailure(vendor.post("/leads/new", form), "/leads/new", value);
			assertNoFailure(vendor.post("/users", form), "vendor /users", value);
			for (String path : List.of("/leads", "/insights", "/notifications", "/leads/" + lead.id(),
					"/leads/new/recommendations")) {
				assertNoFailure(vendor.get(path + "?" + query), path, value);
				assertNoFailure(partner.get(path + "?" + query), path, value);
			}
			assertNoFailure(new WebSession(this.port).get("/set-password?" + query), "/set-password", value);
		}
	}

	private static void assertNoFailure(Page page, String what, String value) {
		assertThat(page.status()).as(what + " with '" + value + "': " + page).isLessThan(500);
	}

	/**
	 * Sends a request head (and, if asked, that many bytes of body in chunks, from
	 * another thread) and reads the answer.
	 */
	private String exchange(String head, int chunkedBytes) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.UTF_8));
			out.flush();
			Thread sender = new Thread(() -> sendChunks(out, chunkedBytes));
			sender.start();
			String answer = readResponse(socket.getInputStream());
			socket.close();
			sender.join();
			return answer;
		}
	}

	/**
	 * The head and body of an answer with a Content-Length (the connection stays open).
	 */
	private static String readResponse(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.indexOf("\r\n\r\n") < 0) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.append((char) b);
		}
		Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
		int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
		return head + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
	}

	private static void sendChunks(OutputStream out, int bytes) {
		byte[] chunk = ("{\"op\": \"add\", \"path\": \"/team/-\", \"value\": {}},").repeat(1000)
			.getBytes(StandardCharsets.UTF_8);
		try {
			for (int sent = 0; sent < bytes; sent += chunk.length) {
				out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
				out.write(chunk);
				out.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			out.flush();
		}
		catch (IOException ex) {
			// the server answered and closed the connection before the body ended
		}
	}

}
