package org.leadrelay.crm;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What both CRM sync tests start from: a program of its own, a CRM server on 127.0.0.1
 * that Contoso is connected to, and the sync jobs to run as the scheduler runs them.
 * Every test disconnects and stops its CRM, leaving nothing for other tests' sync runs.
 *
 * @param <S> the kind of CRM server
 */
@IntegrationTest
abstract class CrmSyncFixture<S extends CrmServer> {

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	OutboundSync outbound;

	@Autowired
	InboundSync inbound;

	@Autowired
	SyncRepository syncs;

	@Autowired
	EventPublications publications;

	Program program;

	S crm;

	SyncedLeads leads;

	/** Starts the CRM server the test talks to. */
	abstract S startCrm() throws IOException;

	/** The connection's {@code kind}. */
	abstract String kind();

	@BeforeEach
	void connect() throws IOException {
		this.program = this.programs.create();
		this.crm = startCrm();
		this.leads = new SyncedLeads(this.program, ApiClient.as(this.port, this.program.vendorClient()),
				ApiClient.as(this.port, this.program.contosoClient()),
				"""
						{"kind": "%s", "instanceUrl": "%s", "tokenUrl": "%s", "clientId": "%s",
						 "clientSecret": "%s"}""".formatted(kind(), this.crm.baseUrl(),
						this.crm.baseUrl() + this.crm.tokenPath(), this.crm.clientId, this.crm.clientSecret),
				this.publications, this.outbound, this.syncs);
	}

	@AfterEach
	void disconnect() {
		this.crm.close();
		this.leads.disconnect();
	}

}
