package org.leadrelay.routing;

/**
 * Lets tests outside this package recompute responsiveness now, instead of waiting for
 * its schedule. Imported by {@code IntegrationTest}.
 */
public class ResponsivenessRefresh {

	private final ResponsivenessJob job;

	ResponsivenessRefresh(ResponsivenessJob job) {
		this.job = job;
	}

	public int run() {
		return this.job.refresh();
	}

}
