package org.leadrelay.platform.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.leadrelay.platform.web.PathFirstMappingConfiguration.PathFirstRequestMappingHandlerMapping;
import org.leadrelay.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

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

	@Test
	void theActuatorsEndpointsAreLookedUpAfterTheControllers(
			@Autowired List<AbstractWebMvcEndpointHandlerMapping> endpoints) {
		assertThat(this.mappings.getOrder()).isEqualTo(PathFirstMappingConfiguration.CONTROLLERS_ORDER);
		assertThat(endpoints).isNotEmpty()
			.allSatisfy(mapping -> assertThat(mapping.getOrder()).isGreaterThan(this.mappings.getOrder()));
	}

	@Test
	void aPathIsComparedWithTheLiteralStartOfEachPattern() {
		assertThat(PathFirstRequestMappingHandlerMapping.literalStart("/v1.0/engagements/referrals/{id}"))
			.isEqualTo("/v1.0/engagements/referrals/");
		assertThat(PathFirstRequestMappingHandlerMapping.literalStart("/css/**")).isEqualTo("/css/");
		assertThat(PathFirstRequestMappingHandlerMapping.literalStart("/leads")).isEqualTo("/leads");
	}

	@Test
	void pathsWithVariablesEncodedCharactersAndMatrixVariablesFindTheirHandlerAsTheirPatternsDo() throws Exception {
		String referral = "/v1.0/engagements/referrals/0190f6c2-0000-7000-8000-000000000001";
		assertThat(handlerOf(referral)).isEqualTo("ReferralsController.get");
		// matched once decoded: the literal start alone would turn it away
		assertThat(handlerOf(referral.replace("referrals", "referr%61ls"))).isEqualTo("ReferralsController.get");
		assertThat(handlerOf(referral.replace("referrals", "referrals;v=1"))).isEqualTo("ReferralsController.get");
		assertThat(handlerOf("/v1.0/engagements/referralz/1")).isNull();
		assertThat(handlerOf("/favicon.ico")).isNull();
	}

	private @Nullable String handlerOf(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		ServletRequestPathUtils.parseAndCache(request);
		HandlerExecutionChain chain = this.mappings.getHandler(request);
		if (chain == null) {
			return null;
		}
		HandlerMethod handler = (HandlerMethod) chain.getHandler();
		return handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
	}

}
