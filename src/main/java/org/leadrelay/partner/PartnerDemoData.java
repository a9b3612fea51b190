package org.leadrelay.partner;

import java.util.ArrayList;
import java.util.List;

import org.leadrelay.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo program (Northwind Software with partners Contoso Consulting and
 * Fabrikam Solutions) on an empty database when demo mode is on.
 */
@Component
@Order(10)
class PartnerDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PartnerDemoData.class);

	private final DemoMode demoMode;

	private final Organizations organizations;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	PartnerDemoData(DemoMode demoMode, Organizations organizations, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.demoMode = demoMode;
		this.organizations = organizations;
		this.events = events;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.demoMode.enabled() && this.organizations.isEmpty()) {
			// One transaction: the demo is created whole or not at all.
			this.transactions.executeWithoutResult(status -> seed());
		}
	}

	private void seed() {
		Organization vendor = this.organizations.registerVendor("Northwind Software");
		Organization contoso = this.organizations.registerPartner(vendor.id(), "Contoso Consulting");
		Organization fabrikam = this.organizations.registerPartner(vendor.id(), "Fabrikam Solutions");
		List<Location> locations = new ArrayList<>();
		locations.add(this.organizations.addLocation(contoso.id(), "Contoso Budapest", "Budapest", "HU",
				List.of("leads.budapest@contoso.example")));
		locations.add(this.organizations.addLocation(contoso.id(), "Contoso Seattle", "Seattle", "US",
				List.of("leads.seattle@contoso.example")));
		locations.add(this.organizations.addLocation(fabrikam.id(), "Fabrikam Vienna", "Vienna", "AT",
				List.of("leads@fabrikam.example")));
		log.info("Demo data: created Northwind Software with partners Contoso Consulting and Fabrikam Solutions");
		this.events.publishEvent(new DemoPartnersSeeded(vendor.id(), List.of(contoso, fabrikam), locations));
	}

}
