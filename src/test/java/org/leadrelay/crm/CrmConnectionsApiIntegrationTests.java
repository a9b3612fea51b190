package org.leadrelay.crm;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1.0/crm/connections}: a partner's API client connects its CRM, reads the
 * connection (never its secret, which is stored encrypted), changes the field mapping,
 * tests the connection step by step and disconnects; input is checked field by field;
 * another organization's connection is not found, and the vendor connects none.
 */
@IntegrationTest
class CrmConnectionsApiIntegrationTests {

	static final String CONNECTIONS = "/v1.0/crm/connections";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretCipher cipher;

	Program program;

	ApiClient contoso;

	DynamicsServer dynamics;

	SalesforceServer salesforce;

	@BeforeEach
	void setUp() throws Exception {
		this.program = this.programs.create();
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
		this.dynamics = DynamicsServer.start("5f1c0a4e-leadrelay", "dynamics-secret-" + UUID.randomUUID());
		this.salesforce = SalesforceServer.start("3MVG9leadrelay", "salesforce-secret-" + UUID.randomUUID());
	}

	@AfterEach
	void tearDown() {
		this.dynamics.close();
		this.salesforce.close();
		for (JsonNode connection : this.contoso.get(CONNECTIONS).json().get("value")) {
			this.contoso.delete(CONNECTIONS + "/" + connection.get("id").asString());
		}
	}

	@Test
	void aConnectionIsReadChangedAndDeletedWithoutItsSecretEverComingBack() {
		Response connected = connect(dynamicsJson(this.dynamics.clientSecret, ""));

		assertThat(connected.status()).isEqualTo(201);
		String id = connected.json().get("id").asString();
		assertThat(connected.header("Location")).endsWith(CONNECTIONS + "/" + id);
		JsonNode connection = this.contoso.get(CONNECTIONS + "/" + id).json();
		assertThat(connection.get("kind").asString()).isEqualTo("dynamics365");
		assertThat(connection.get("instanceUrl").asString()).isEqualTo(this.dynamics.baseUrl());
		assertThat(connection.get("fieldMapping").get("amount").asString()).isEqualTo("estimatedvalue");
		assertThat(connection.get("fieldMapping").get("reference").asString()).isEqualTo("new_leadrelayid");
		for (Response answer : new Response[] { connected, this.contoso.get(CONNECTIONS),
				this.contoso.get(CONNECTIONS + "/" + id) }) {
			assertThat(answer.body()).doesNotContain(this.dynamics.clientSecret).doesNotContain("clientSecret");
		}
		byte[] stored = this.jdbc.sql("select client_secret from crm_connection where id = ?")
			.param(UUID.fromString(id))
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(this.dynamics.clientSecret);
		assertThat(this.cipher.decrypt(UUID.fromString(id), stored)).isEqualTo(this.dynamics.clientSecret);

		Response again = connect(salesforceJson(this.salesforce.clientSecret, ""));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("already connected to Dynamics 365");

		Response changed = this.contoso.put(CONNECTIONS + "/" + id + "/field-mapping", """
				{"name": "name", "amount": "", "currency": "", "closeDate": "estimatedclosedate",
				 "description": "description", "reference": "new_leadrelayref", "wonStage": "3", "lostStage": "5"}""");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("fieldMapping").get("amount").isNull()).isTrue();
		assertThat(changed.json().get("fieldMapping").get("lostStage").asString()).isEqualTo("5");
		Response refused = this.contoso.put(CONNECTIONS + "/" + id + "/field-mapping", """
				{"name": "name", "amount": "estimated value", "closeDate": "estimatedclosedate",
				 "reference": "new_leadrelayid", "wonStage": "3", "lostStage": "4"}""");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorTarget()).isEqualTo("fieldMapping/amount");

		assertThat(this.contoso.delete(CONNECTIONS + "/" + id).status()).isEqualTo(204);
		assertThat(this.contoso.get(CONNECTIONS + "/" + id).status()).isEqualTo(404);
		assertThat(this.contoso.get(CONNECTIONS).json().get("value")).isEmpty();
	}

	@Test
	void eachMistakeIsRefusedNamingItsField() {
		String valid = salesforceJson(this.salesforce.clientSecret, "");
		assertRefused("{}", "kind", "kind must be dynamics365 or salesforce");
		assertRefused(valid.replace("\"salesforce\"", "\"hubspot\""), "kind", "kind must be");
		assertRefused(valid.replace(this.salesforce.baseUrl() + "\", \"tokenUrl", "https://10.1.2.3\", \"tokenUrl"),
				"instanceUrl", "The host is not allowed");
		assertRefused(valid.replace(this.salesforce.tokenUrl(), this.salesforce.tokenUrl() + "?grant=x"), "tokenUrl",
				"must not have a ?query");
		assertRefused(valid.replace("\"clientId\": \"3MVG9leadrelay\"", "\"clientId\": \" \""), "clientId",
				"clientId is required");
		assertRefused(valid.replace(this.salesforce.clientSecret, ""), "clientSecret", "clientSecret is required");
		assertRefused(salesforceJson(this.salesforce.clientSecret, """
				, "fieldMapping": {"name": "Name", "closeDate": "CloseDate", "reference": "LeadRelay_Id__c",
				 "openStage": "", "wonStage": "Closed Won", "lostStage": "Closed Lost"}"""), "fieldMapping/openStage",
				"Salesforce opportunity stage name");
		assertRefused(salesforceJson(this.salesforce.clientSecret, """
				, "fieldMapping": {"name": "Name; DELETE", "closeDate": "CloseDate", "reference": "LeadRelay_Id__c",
				 "openStage": "Prospecting", "wonStage": "Closed Won", "lostStage": "Closed Lost"}"""),
				"fieldMapping/name", "not an API field name");
		assertRefused(valid.replace("\"kind\"", "\"kinds\": 1, \"kind\""), "kinds", "Unknown field");
		assertThat(this.contoso.get(CONNECTIONS).json().get("value")).isEmpty();
	}

	@Test
	void anotherOrganizationsConnectionIsNotFoundAndTheVendorConnectsNone() {
		String id = connect(dynamicsJson(this.dynamics.clientSecret, "")).json().get("id").asString();
		ApiClient fabrikam = ApiClient.as(this.port, this.program.fabrikamClient());

		for (Response answer : new Response[] { fabrikam.get(CONNECTIONS + "/" + id),
				fabrikam.delete(CONNECTIONS + "/" + id), fabrikam.post(CONNECTIONS + "/" + id + "/test", ""),
				fabrikam.get(CONNECTIONS + "/" + id + "/sync-log"),
				fabrikam.put(CONNECTIONS + "/" + id + "/field-mapping", "{}"),
				fabrikam.get(CONNECTIONS + "/not-an-id") }) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(404);
			assertThat(answer.errorCode()).isEqualTo("itemNotFound");
		}
		assertThat(fabrikam.get(CONNECTIONS).json().get("value")).isEmpty();
		assertThat(this.contoso.get(CONNECTIONS + "/" + id).status()).isEqualTo(200);

		Response vendor = ApiClient.as(this.port, this.program.vendorClient())
			.post(CONNECTIONS, dynamicsJson(this.dynamics.clientSecret, ""));
		assertThat(vendor.status()).isEqualTo(403);
		assertThat(vendor.errorCode()).isEqualTo("accessDenied");
	}

	@Test
	void aConnectionTestSaysWhichStepFailedAndWhatTheCrmAnswered() {
		String wrongSecret = connect(dynamicsJson("not-the-secret", "")).json().get("id").asString();
		JsonNode refused = test(wrongSecret);
		assertThat(refused.get("passed").asBoolean()).isFalse();
		assertThat(refused.get("steps")).singleElement().satisfies(step -> {
			assertThat(step.get("step").asString()).isEqualTo("signIn");
			assertThat(step.get("detail").asString()).contains(this.dynamics.tokenUrl())
				.contains("failed with 401: invalid_client: Invalid client secret provided.")
				.doesNotContain("not-the-secret");
		});
		this.contoso.delete(CONNECTIONS + "/" + wrongSecret);

		String id = connect(dynamicsJson(this.dynamics.clientSecret, """
				, "fieldMapping": {"name": "name", "amount": "estimatedvalue", "closeDate": "estimatedclosedate",
				 "reference": "new_leadrelayref", "wonStage": "3", "lostStage": "4"}""")).json().get("id").asString();
		JsonNode unknownField = test(id);
		assertThat(unknownField.get("steps")).extracting(step -> step.get("passed").asBoolean())
			.containsExactly(true, true, false);
		assertThat(unknownField.get("steps").get(2).get("detail").asString())
			.contains("Could not find a property named 'new_leadrelayref'");

		this.contoso.put(CONNECTIONS + "/" + id + "/field-mapping", """
				{"name": "name", "amount": "estimatedvalue", "currency": "transactioncurrencyid",
				 "closeDate": "estimatedclosedate", "description": "description", "reference": "new_leadrelayid",
				 "wonStage": "3", "lostStage": "4"}""");
		JsonNode passed = test(id);
		assertThat(passed.get("passed").asBoolean()).isTrue();
		assertThat(passed.get("steps")).extracting(step -> step.get("step").asString())
			.containsExactly("signIn", "accounts", "opportunities");
		JsonNode log = this.contoso.get(CONNECTIONS + "/" + id + "/sync-log").json().get("value");
		assertThat(log).extracting(entry -> entry.get("direction").asString()).containsExactly("test", "test");
		assertThat(log.get(1).get("message").asString()).startsWith("Connection test failed at opportunities: ");
	}

	@Test
	void aSalesforceTestChecksTheMappedStagesExist() {
		String id = connect(salesforceJson(this.salesforce.clientSecret, """
				, "fieldMapping": {"name": "Name", "amount": "Amount", "closeDate": "CloseDate",
				 "reference": "LeadRelay_Id__c", "openStage": "Prospecting", "wonStage": "Won",
				 "lostStage": "Closed Lost"}""")).json().get("id").asString();

		JsonNode test = test(id);

		assertThat(test.get("steps")).extracting(step -> step.get("passed").asBoolean())
			.containsExactly(true, true, true, false);
		assertThat(test.get("steps").get(3).get("detail").asString())
			.contains("The stage 'Won' is not an active won opportunity stage in Salesforce")
			.contains("Closed Won");
	}

	@Test
	void theDealStagesAreMappedPerConnectionAndTheTestChecksThemOpen() {
		String id = connect(salesforceJson(this.salesforce.clientSecret, "")).json().get("id").asString();
		JsonNode passed = test(id);
		assertThat(passed.get("passed").asBoolean()).isTrue();
		assertThat(passed.get("steps").get(3).get("detail").asString()).contains("Needs Analysis")
			.contains("Proposal/Price Quote");

		Response changed = this.contoso.put(CONNECTIONS + "/" + id + "/field-mapping", """
				{"name": "Name", "closeDate": "CloseDate", "reference": "LeadRelay_Id__c", "openStage": "Prospecting",
				 "wonStage": "Closed Won", "lostStage": "Closed Lost",
				 "dealStages": {"developed": "Value Proposition", "negotiated": "Closed Won"}}""");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		JsonNode stages = changed.json().get("fieldMapping").get("dealStages");
		assertThat(stages.get("developed").asString()).isEqualTo("Value Proposition");
		assertThat(stages.get("qualified").asString()).as("a stage left out is the default").isEqualTo("Qualification");

		JsonNode refused = test(id);
		assertThat(refused.get("passed").asBoolean()).isFalse();
		assertThat(refused.get("steps").get(3).get("detail").asString())
			.contains("The stage 'Closed Won' is not an active open opportunity stage in Salesforce");
		Response dynamicsStage = this.contoso.put(CONNECTIONS + "/" + id + "/field-mapping", """
				{"name": "Name", "closeDate": "CloseDate", "reference": "LeadRelay_Id__c", "openStage": "Prospecting",
				 "wonStage": "Closed Won", "lostStage": "Closed Lost", "dealStages": {"field": "salesstage"}}""");
		assertThat(dynamicsStage.status()).isEqualTo(400);
		assertThat(dynamicsStage.errorTarget()).isEqualTo("fieldMapping/dealStages/field");
	}

	private Response connect(String json) {
		return this.contoso.post(CONNECTIONS, json);
	}

	private JsonNode test(String id) {
		Response tested = this.contoso.post(CONNECTIONS + "/" + id + "/test", "");
		assertThat(tested.status()).as(tested.body()).isEqualTo(200);
		return tested.json();
	}

	private void assertRefused(String json, String target, String message) {
		Response refused = connect(json);
		assertThat(refused.status()).as(json).isEqualTo(400);
		assertThat(refused.errorCode()).isEqualTo("invalidRequest");
		assertThat(refused.errorTarget()).as(refused.body()).isEqualTo(target);
		assertThat(refused.json().get("detail").asString()).contains(message);
	}

	private String dynamicsJson(String secret, String more) {
		return """
				{"kind": "dynamics365", "instanceUrl": "%s", "tokenUrl": "%s", "clientId": "%s", "clientSecret": "%s"%s}"""
			.formatted(this.dynamics.baseUrl(), this.dynamics.tokenUrl(), this.dynamics.clientId, secret, more);
	}

	private String salesforceJson(String secret, String more) {
		return """
				{"kind": "salesforce", "instanceUrl": "%s", "tokenUrl": "%s", "clientId": "%s", "clientSecret": "%s"%s}"""
			.formatted(this.salesforce.baseUrl(), this.salesforce.tokenUrl(), this.salesforce.clientId, secret, more);
	}

}
