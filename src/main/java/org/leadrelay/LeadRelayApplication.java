package org.leadrelay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * LeadRelay: a vendor routes leads to its partners, partners accept or decline and report
 * how their deals end, and customers find partners in a public marketplace.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadRelayApplication {

	public static void main(String[] args) {
		SpringApplication.run(LeadRelayApplication.class, args);
	}

}
