package org.leadrelay.platform.web;

import org.junit.jupiter.api.Test;
import org.leadrelay.platform.web.PathFirstMappingConfiguration.PathFirstRequestMappingHandlerMapping;
import org.leadrelay.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's controllers are found by the path-first mapping; that every route,
 * 404, 405, 406 and 415 still answer as before, the API's and the pages' tests show.
 */
@IntegrationTest
class PathFirstMappingIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theControllersAreMappedPathFirst() {
		assertThat(this.mappings).isInstanceOf(PathFirstRequestMappingHandlerMapping.class);
		assertThat(this.mappings.getHandlerMethods()).hasSizeGreaterThan(100);
	}

}
