package org.leadrelay.referral;

import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Periodically archives Received referrals whose response window has passed. Each batch
 * is its own transaction, so a crash loses at most the batch in flight, which the next
 * run (on this or another node) picks up again.
 */
@Component
class ReferralExpiry {

	private static final Logger log = LoggerFactory.getLogger(ReferralExpiry.class);

	private final ReferralManagement management;

	private final ReferralProperties properties;

	ReferralExpiry(ReferralManagement management, ReferralProperties properties) {
		this.management = management;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${leadrelay.referrals.expiry-poll-interval:PT1M}",
			initialDelayString = "${leadrelay.referrals.expiry-poll-interval:PT1M}")
	@ClusteredJob(value = "referral-expiry", runs = Runs.ON_EVERY_NODE)
	void scheduledSweep() {
		sweep();
	}

	/** Expires every overdue referral, batch by batch. */
	int sweep() {
		int total = 0;
		int expired;
		do {
			expired = this.management.expireDue(this.properties.expiryBatchSize());
			total += expired;
		}
		while (expired == this.properties.expiryBatchSize());
		if (total > 0) {
			log.info("Expired {} referrals whose response window had passed", total);
		}
		return total;
	}

}
