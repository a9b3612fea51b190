package org.leadrelay.testing;

import java.util.List;
import java.util.UUID;

import org.leadrelay.identity.ApiClients;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;

/**
 * Creates a vendor with two partners (each with a location and an API client) under fresh
 * names, so that tests sharing a database never see each other's data.
 */
public class TestProgram {

	private final Organizations organizations;

	private final ApiClients clients;

	TestProgram(Organizations organizations, ApiClients clients) {
		this.organizations = organizations;
		this.clients = clients;
	}

	public Program create() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Organization vendor = this.organizations.registerVendor("Vendor " + suffix);
		Organization contoso = this.organizations.registerPartner(vendor.id(), "Contoso " + suffix);
		Organization fabrikam = this.organizations.registerPartner(vendor.id(), "Fabrikam " + suffix);
		Location budapest = this.organizations.addLocation(contoso.id(), "Contoso Budapest", "Budapest", "HU",
				List.of("leads@contoso.example"));
		Location vienna = this.organizations.addLocation(fabrikam.id(), "Fabrikam Vienna", "Vienna", "AT",
				List.of("leads@fabrikam.example"));
		return new Program(vendor, contoso, fabrikam, budapest, vienna, client(vendor, suffix), client(contoso, suffix),
				client(fabrikam, suffix));
	}

	private Credentials client(Organization organization, String suffix) {
		String clientId = organization.name().toLowerCase().replace(' ', '-') + "-client";
		String secret = "secret-" + suffix;
		this.clients.register(organization.id(), organization.name() + " CRM", clientId, secret);
		return new Credentials(clientId, secret);
	}

	public record Program(Organization vendor, Organization contoso, Organization fabrikam, Location budapest,
			Location vienna, Credentials vendorClient, Credentials contosoClient, Credentials fabrikamClient) {
	}

	public record Credentials(String clientId, String secret) {
	}

}
