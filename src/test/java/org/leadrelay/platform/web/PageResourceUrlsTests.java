package org.leadrelay.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PageResourceUrlsTests {

	private final PageResourceUrlsConfiguration.PagesOnly filter = new PageResourceUrlsConfiguration.PagesOnly();

	@Test
	void apiRequestsPassUnwrapped() throws Exception {
		for (String path : new String[] { "/v1.0/engagements/referrals/abc", "/webhooks/v1/subscriptions" }) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			this.filter.doFilter(request, response, chain);
			assertThat(chain.getRequest()).as(path).isSameAs(request);
			assertThat(chain.getResponse()).as(path).isSameAs(response);
		}
	}

	@Test
	void pagesAreWrappedToLinkVersionedUrls() throws Exception {
		for (String path : new String[] { "/leads", "/marketplace", "/v1.0", "/webhooks" }) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
			MockFilterChain chain = new MockFilterChain();
			this.filter.doFilter(request, new MockHttpServletResponse(), chain);
			assertThat(chain.getRequest()).as(path).isNotSameAs(request);
		}
	}

}
