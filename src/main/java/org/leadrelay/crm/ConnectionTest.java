package org.leadrelay.crm;

import java.util.List;

/**
 * What a test of a connection found, step by step: signing in, reading accounts, reading
 * opportunities with the mapped fields. The first failed step says exactly what the CRM
 * answered; the steps after it are not tried.
 */
public record ConnectionTest(List<Step> steps) {

	public ConnectionTest {
		steps = List.copyOf(steps);
	}

	public boolean passed() {
		return this.steps.stream().allMatch(Step::passed);
	}

	/**
	 * @param name {@code signIn}, {@code accounts} or {@code opportunities}
	 * @param detail what was checked, or what failed
	 */
	public record Step(String name, boolean passed, String detail) {
	}

}
