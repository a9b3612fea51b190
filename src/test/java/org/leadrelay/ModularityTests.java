package org.leadrelay;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules depend on each other only through their public APIs and without cycles.
 * Also writes the module diagrams the README shows ({@code target/spring-modulith-docs}).
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(LeadRelayApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
