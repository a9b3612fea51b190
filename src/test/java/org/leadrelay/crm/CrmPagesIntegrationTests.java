package org.leadrelay.crm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
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
 * The CRM page over plain HTTP: a Referrals admin connects with the defaults shown, a
 * refused form keeps the input but never the secret, the test reports each step, and
 * nobody else gets in, or at another organization's connection.
 */
@IntegrationTest
class CrmPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	InboundSync inbound;

	@Autowired
	ConnectionRepository connections;

	Program program;

	WebSession admin;

	DynamicsServer crm;

	@BeforeEach
	void setUp() throws Exception {
		this.program = this.programs.create();
		this.admin = signedIn(this.program, Role.REFERRALS_ADMIN);
		this.crm = DynamicsServer.start("5f1c0a4e-leadrelay", "page-secret-" + UUID.randomUUID());
	}

	@AfterEach
	void tearDown() {
		this.crm.close();
		String connection = connectionId(this.admin.get("/crm").body());
		if (connection != null) {
			this.admin.post("/crm/" + connection + "/delete", Map.of());
		}
	}

	@Test
	void anAdminConnectsWithTheDefaultsShownAndARefusedFormNeverShowsTheSecret() {
		Page form = this.admin.get("/crm");
		assertThat(form.body()).contains("Connect your CRM")
			.contains("value=\"estimatedvalue\"")
			.contains("value=\"new_leadrelayid\"")
			.contains("Default: transactioncurrencyid")
			.contains("href=\"/crm?kind=salesforce\"");
		assertThat(this.admin.get("/crm?kind=salesforce").body()).contains("value=\"Closed Won\"")
			.contains("value=\"LeadRelay_Id__c\"");

		this.admin.get("/crm");
		Map<String, String> fields = connectForm();
		fields.put("instanceUrl", "");
		fields.put("mapping.amount", "estimated value");
		Page refused = this.admin.post("/crm", fields);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("value=\"5f1c0a4e-leadrelay\"")
			.contains("value=\"estimated value\"")
			.contains("Required.")
			.doesNotContain(this.crm.clientSecret);

		Page connected = this.admin.post("/crm", connectForm());
		assertThat(connected.location()).endsWith("/crm");
		Page page = this.admin.get("/crm");
		assertThat(page.body()).contains("Connected to Dynamics 365")
			.contains("Test the connection to see that LeadRelay can sign in")
			.contains("Stored encrypted; never shown.")
			.doesNotContain(this.crm.clientSecret);

		Page tested = this.admin.post("/crm/" + connectionId(page.body()) + "/test", Map.of());
		assertThat(tested.body()).contains("The connection works.")
			.contains("Signed in at " + this.crm.tokenUrl())
			.contains("Connection test passed");
	}

	@Test
	void aMappingTheCrmCannotUseIsRefusedWithTheInputKept() {
		this.admin.get("/crm");
		this.admin.post("/crm", connectForm());
		String connection = connectionId(this.admin.get("/crm").body());

		Map<String, String> mapping = new LinkedHashMap<>();
		connectForm().forEach((name, value) -> {
			if (name.startsWith("mapping.")) {
				mapping.put(name.substring("mapping.".length()), value);
			}
		});
		mapping.put("wonStage", "Won");
		Page refused = this.admin.post("/crm/" + connection + "/field-mapping", mapping);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("value=\"Won\"")
			.contains("must be the number of a Dynamics 365 status reason");
	}

	@Test
	void theSalesStagesOfDealsAreMappedOnThePageToo() {
		this.admin.get("/crm");
		this.admin.post("/crm", connectForm());
		Page page = this.admin.get("/crm");
		String connection = connectionId(page.body());
		assertThat(page.body()).contains("Sales stages of co-sell deals")
			.contains("name=\"dealStages.field\"")
			.contains("value=\"salesstage\"")
			.contains("Proposed (60 %)");

		Map<String, String> mapping = new LinkedHashMap<>();
		connectForm().forEach((name, value) -> {
			if (name.startsWith("mapping.")) {
				mapping.put(name.substring("mapping.".length()), value);
			}
		});
		mapping.put("dealStages.field", "salesstage");
		mapping.put("dealStages.developed", "2");
		mapping.put("dealStages.proposed", "Propose");
		Page refused = this.admin.post("/crm/" + connection + "/field-mapping", mapping);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("value=\"Propose\"")
			.contains("must be the value of a choice of the stage column");

		mapping.put("dealStages.proposed", "3");
		assertThat(this.admin.post("/crm/" + connection + "/field-mapping", mapping).location()).endsWith("/crm");
		assertThat(this.connections.find(this.program.contoso().id(), UUID.fromString(connection))
			.orElseThrow()
			.mapping()
			.stages()).isEqualTo(new DealStageMapping("salesstage", "0", "0", "2", "3", "3"));

		mapping.keySet().removeIf(name -> name.startsWith("dealStages."));
		mapping.put("amount", "");
		assertThat(this.admin.post("/crm/" + connection + "/field-mapping", mapping).location()).endsWith("/crm");
		FieldMapping saved = this.connections.find(this.program.contoso().id(), UUID.fromString(connection))
			.orElseThrow()
			.mapping();
		assertThat(saved.amount()).isNull();
		assertThat(saved.stages()).as("a mapping without deal stages keeps the connection's")
			.isEqualTo(new DealStageMapping("salesstage", "0", "0", "2", "3", "3"));
	}

	@Test
	void aRefusalNoFieldFitsIsWrittenInTheReadersLanguage() {
		this.admin.get("/crm?lang=hu");
		this.admin.post("/crm", connectForm());
		Page twice = this.admin.post("/crm", connectForm());
		this.admin.get("/crm?lang=en");

		assertThat(twice.status()).isEqualTo(422);
		assertThat(twice.body()).contains("A szervezete már kapcsolódik egy CRM-hez.")
			.doesNotContain("Nem elfogadható")
			.doesNotContain("already connected");
	}

	@Test
	void theSyncLogAndTheTestStepsAreWrittenInEachReadersLanguage() {
		this.admin.get("/crm");
		this.admin.post("/crm", connectForm());
		String connection = connectionId(this.admin.get("/crm").body());
		WebSession hungarian = signedIn(this.program, Role.REFERRALS_ADMIN);
		hungarian.get("/crm?lang=hu");

		Page tested = hungarian.post("/crm/" + connection + "/test", Map.of());
		assertThat(tested.body()).contains("A kapcsolat működik.")
			.contains("Sikeres bejelentkezés ide: " + this.crm.tokenUrl())
			.contains("A fiókok olvasása sikerült")
			.doesNotContain("Signed in at")
			.doesNotContain("Read accounts");
		this.crm.failNext("GET", "/opportunities", 500, Map.of(),
				"{\"error\": {\"code\": \"0x80040216\", \"message\": \"Generic SQL error.\"}}");
		this.inbound.pollDue();

		String inHungarian = hungarian.get("/crm").body();
		assertThat(inHungarian).contains("A kapcsolatteszt sikerült")
			.contains("A módosítások beolvasása nem sikerült: ")
			.contains("Generic SQL error.")
			.doesNotContain("Connection test passed")
			.doesNotContain("Reading changes failed");
		String inEnglish = this.admin.get("/crm").body();
		assertThat(inEnglish).contains("Connection test passed")
			.contains("Reading changes failed: ")
			.contains("Generic SQL error.")
			.doesNotContain("A kapcsolatteszt sikerült")
			.doesNotContain("A módosítások beolvasása nem sikerült");
		assertThat(this.admin.post("/crm/" + connection + "/test", Map.of()).body())
			.contains("Signed in at " + this.crm.tokenUrl())
			.contains("Read accounts");
	}

	@Test
	void onlyTheOrganizationsReferralsAdminsReachTheirConnection() {
		this.admin.get("/crm");
		this.admin.post("/crm", connectForm());
		String connection = connectionId(this.admin.get("/crm").body());

		assertThat(signedIn(this.program, Role.REFERRALS_USER).get("/crm").status()).isEqualTo(403);
		WebSession fabrikam = new WebSession(this.port);
		fabrikam.signIn(this.users.create(this.program.fabrikam(), "Fabrikam Admin", Role.REFERRALS_ADMIN).email(),
				TestUsers.PASSWORD);
		fabrikam.get("/crm");
		assertThat(fabrikam.post("/crm/" + connection + "/delete", Map.of()).status()).isEqualTo(404);
		assertThat(fabrikam.post("/crm/" + connection + "/test", Map.of()).status()).isEqualTo(404);
		assertThat(this.admin.postWithoutToken("/crm/" + connection + "/delete", Map.of()).status()).isEqualTo(403);
		assertThat(this.admin.get("/crm").body()).contains("Connected to Dynamics 365");
	}

	private Map<String, String> connectForm() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("kind", "dynamics365");
		fields.put("instanceUrl", this.crm.baseUrl());
		fields.put("tokenUrl", this.crm.tokenUrl());
		fields.put("clientId", this.crm.clientId);
		fields.put("clientSecret", this.crm.clientSecret);
		FieldMapping defaults = FieldMapping.defaults(CrmKind.DYNAMICS_365);
		fields.put("mapping.name", defaults.name());
		fields.put("mapping.amount", defaults.amount());
		fields.put("mapping.currency", defaults.currency());
		fields.put("mapping.closeDate", defaults.closeDate());
		fields.put("mapping.description", defaults.description());
		fields.put("mapping.reference", defaults.reference());
		fields.put("mapping.wonStage", defaults.wonStage());
		fields.put("mapping.lostStage", defaults.lostStage());
		return fields;
	}

	private WebSession signedIn(Program program, Role role) {
		WebSession session = new WebSession(this.port);
		session.signIn(this.users.create(program.contoso(), "Contoso " + role, role).email(), TestUsers.PASSWORD);
		return session;
	}

	/** The id in the page's connection forms, if the page shows a connection. */
	private static @Nullable String connectionId(String page) {
		Matcher id = Pattern.compile("action=\"/crm/([0-9a-f-]{36})/test\"").matcher(page);
		return id.find() ? id.group(1) : null;
	}

}
