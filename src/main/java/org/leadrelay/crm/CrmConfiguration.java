package org.leadrelay.crm;

import java.time.Clock;

import org.leadrelay.crm.client.CrmClients;
import org.leadrelay.platform.OutboundHttpClients;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clients of the CRMs, with this module's settings. */
@Configuration(proxyBeanMethods = false)
class CrmConfiguration {

	@Bean
	CrmClients crmClients(OutboundHttpClients clients, CrmProperties properties, JsonMapper json, Clock clock) {
		return new CrmClients(clients, properties.timeout(), properties.concurrency(), json, clock);
	}

}
