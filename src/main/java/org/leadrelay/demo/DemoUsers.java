package org.leadrelay.demo;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.identity.ApiClients;
import org.leadrelay.identity.UserAccounts;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Demo API clients and users, all with well-known secrets: for trying LeadRelay out only.
 */
@Component
class DemoUsers {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private static final String PASSWORD = "demo";

	private final ApiClients clients;

	private final UserAccounts users;

	DemoUsers(ApiClients clients, UserAccounts users) {
		this.clients = clients;
		this.users = users;
	}

	void seed(DemoProgram demo) {
		OrganizationId contoso = demo.partner("Contoso Consulting").id();
		OrganizationId fabrikam = demo.partner("Fabrikam Solutions").id();
		this.clients.register(demo.vendor(), "Northwind CRM", "northwind-crm", "demo-secret-northwind");
		this.clients.register(contoso, "Contoso CRM", "contoso-crm", "demo-secret-contoso");
		this.clients.register(fabrikam, "Fabrikam CRM", "fabrikam-crm", "demo-secret-fabrikam");
		this.users.create(demo.vendor(), "admin@northwind.example", "Nadia Admin", PASSWORD, Set.of(Role.VENDOR_ADMIN));
		this.users.create(demo.vendor(), "seller@northwind.example", "Sebastian Seller", PASSWORD,
				Set.of(Role.VENDOR_SELLER));
		this.users.create(demo.vendor(), "marketing@northwind.example", "Maria Marketing", PASSWORD,
				Set.of(Role.VENDOR_MARKETING));
		this.users.create(contoso, "admin@contoso.example", "Anna Kovács", PASSWORD,
				Set.of(Role.REFERRALS_ADMIN, Role.BUSINESS_PROFILE_ADMIN));
		UUID contosoUser = this.users.create(contoso, "user@contoso.example", "Bence Szabó", PASSWORD,
				Set.of(Role.REFERRALS_USER));
		this.users.assignLocations(contosoUser, contoso,
				List.of(demo.locationsOf(demo.partner("Contoso Consulting")).get(0).id()));
		this.users.create(fabrikam, "admin@fabrikam.example", "Franz Huber", PASSWORD,
				Set.of(Role.REFERRALS_ADMIN, Role.BUSINESS_PROFILE_ADMIN));
		log.warn("Demo data: API clients and users with published secrets were created; "
				+ "use them for trying LeadRelay out, never in production");
	}

}
