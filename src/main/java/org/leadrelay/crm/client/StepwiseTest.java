package org.leadrelay.crm.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.leadrelay.crm.ConnectionTest;
import org.leadrelay.crm.ConnectionTest.Proof;
import org.leadrelay.crm.ConnectionTest.Step;

/** Runs a connection test's steps in order until one fails. */
final class StepwiseTest {

	private final List<Step> steps = new ArrayList<>();

	private boolean failed;

	/**
	 * @param check returns what it proved, or throws what the CRM answered
	 */
	StepwiseTest step(String name, Supplier<Proof> check) {
		if (this.failed) {
			return this;
		}
		try {
			this.steps.add(new Step(name, check.get()));
		}
		catch (CrmCallException ex) {
			this.steps.add(new Step(name, false, ex.getMessage()));
			this.failed = true;
		}
		return this;
	}

	ConnectionTest result() {
		return new ConnectionTest(this.steps);
	}

}
