package org.leadrelay.demo;

import org.junit.jupiter.api.Test;
import org.leadrelay.LeadRelayApplication;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo data is an add-on: no other module may depend on it, so LeadRelay works without
 * it.
 */
class DemoModuleTests {

	@Test
	void noModuleDependsOnDemoData() {
		ApplicationModules modules = ApplicationModules.of(LeadRelayApplication.class);
		ApplicationModule demo = modules.getModuleByName("demo").orElseThrow();

		assertThat(modules.stream()
			.filter(module -> !module.equals(demo))
			.filter(module -> module.getDirectDependencies(modules).contains(demo))
			.map(ApplicationModule::getName)).isEmpty();
	}

}
