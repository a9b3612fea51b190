package org.leadrelay.demo;

import org.leadrelay.partner.Organizations;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo on an empty database when demo mode is on, in the order the steps need:
 * organizations first, then their users (the referrals carry their names), then
 * referrals.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	private final DemoMode demoMode;

	private final Organizations organizations;

	private final DemoPartners partners;

	private final DemoUsers users;

	private final DemoReferrals referrals;

	private final DemoDeals deals;

	private final DemoConflict conflict;

	private final TransactionTemplate transactions;

	DemoData(DemoMode demoMode, Organizations organizations, DemoPartners partners, DemoUsers users,
			DemoReferrals referrals, DemoDeals deals, DemoConflict conflict, TransactionTemplate transactions) {
		this.demoMode = demoMode;
		this.organizations = organizations;
		this.partners = partners;
		this.users = users;
		this.referrals = referrals;
		this.deals = deals;
		this.conflict = conflict;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.demoMode.enabled() && this.organizations.isEmpty()) {
			// One transaction: the demo is created whole or not at all.
			this.transactions.executeWithoutResult(status -> {
				DemoProgram program = this.partners.seed();
				this.users.seed(program);
				this.referrals.seed(program);
				this.deals.seed(program);
				this.conflict.seed(program);
			});
		}
	}

}
