package org.leadrelay.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Catalogue;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationDetails;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.partner.ProfileDetails;
import org.leadrelay.partner.Region;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Creates the demo program: Northwind Software with partners Contoso Consulting and
 * Fabrikam Solutions, their locations, business profiles and the vendor's catalogue.
 */
@Component
class DemoPartners {

	private static final Logger log = LoggerFactory.getLogger(DemoPartners.class);

	private final Organizations organizations;

	private final Catalogue catalogue;

	private final BusinessProfiles profiles;

	DemoPartners(Organizations organizations, Catalogue catalogue, BusinessProfiles profiles) {
		this.organizations = organizations;
		this.catalogue = catalogue;
		this.profiles = profiles;
	}

	DemoProgram seed() {
		Organization vendor = this.organizations.registerVendor("Northwind Software");
		catalogue(vendor.id());
		Organization contoso = this.organizations.registerPartner(vendor.id(), "Contoso Consulting");
		Organization fabrikam = this.organizations.registerPartner(vendor.id(), "Fabrikam Solutions");
		List<Location> locations = new ArrayList<>();
		locations.add(this.organizations.addLocation(contoso.id(), new LocationDetails("Contoso Budapest", "Váci út 47",
				"1134", "Budapest", "HU", "+36 1 555 0100", List.of("leads.budapest@contoso.example"))));
		locations
			.add(this.organizations.addLocation(contoso.id(), new LocationDetails("Contoso Seattle", "1200 5th Avenue",
					"98101", "Seattle", "US", "+1 206 555 0142", List.of("leads.seattle@contoso.example"))));
		locations.add(this.organizations.addLocation(fabrikam.id(), new LocationDetails("Fabrikam Vienna",
				"Mariahilfer Straße 77", "1060", "Vienna", "AT", "+43 1 555 0177", List.of("leads@fabrikam.example"))));
		ProfileDetails contosoProfile = new ProfileDetails("Contoso Consulting",
				"Contoso rolls out Northwind ERP and Northwind CRM for manufacturers and retailers: from the first "
						+ "workshop through data migration to go-live and support. 40 consultants in Budapest and "
						+ "Seattle.",
				"https://contoso.example", "https://www.linkedin.com/company/contoso-consulting",
				new Expertise(List.of("Manufacturing", "Retail"), List.of("Northwind ERP", "Northwind CRM"),
						List.of("Implementation", "Migration"),
						List.of("Inventory management", "Sales automation", "Data migration")),
				Set.of(CompanySize.EMPLOYEES_10_TO_50, CompanySize.EMPLOYEES_51_TO_250,
						CompanySize.EMPLOYEES_251_TO_1000));
		this.profiles.create(contoso.id(), Region.EMEA, contosoProfile);
		this.profiles.create(contoso.id(), Region.AMERICAS, contosoProfile);
		this.profiles.create(fabrikam.id(), Region.EMEA, new ProfileDetails("Fabrikam Solutions",
				"Fabrikam turns hospital and public-sector data into decisions with Northwind Analytics, and trains "
						+ "the people who use it.",
				"https://fabrikam.example", "https://www.linkedin.com/company/fabrikam-solutions",
				new Expertise(List.of("Healthcare", "Public sector"), List.of("Northwind Analytics"),
						List.of("Consulting", "Training"), List.of("Dashboards", "Data warehousing")),
				CompanySize.current()));
		log.info("Demo data: created Northwind Software with partners Contoso Consulting and Fabrikam Solutions");
		return new DemoProgram(vendor.id(), List.of(contoso, fabrikam), locations);
	}

	private void catalogue(OrganizationId vendor) {
		for (String industry : List.of("Manufacturing", "Retail", "Healthcare", "Public sector", "Financial services",
				"Professional services")) {
			this.catalogue.add(vendor, CatalogueKind.INDUSTRY, industry);
		}
		for (String product : List.of("Northwind ERP", "Northwind CRM", "Northwind Analytics")) {
			this.catalogue.add(vendor, CatalogueKind.PRODUCT, product);
		}
		for (String service : List.of("Implementation", "Migration", "Consulting", "Training", "Support")) {
			this.catalogue.add(vendor, CatalogueKind.SERVICE, service);
		}
	}

}
