package org.leadrelay.referral;

import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the insights' roll-ups current, so that a page finds little or nothing to fold in
 * itself: at start (which builds them whole after the migration that introduces them, a
 * month of days per transaction, and the slowest responders' periods) and then every
 * {@code leadrelay.referrals.figures-fold-interval}, which also moves those periods on
 * when a day begins.
 */
@Component
class ReferralAnalyticsRollupJob {

	private static final Logger log = LoggerFactory.getLogger(ReferralAnalyticsRollupJob.class);

	private final ReferralAnalyticsRollup rollup;

	ReferralAnalyticsRollupJob(ReferralAnalyticsRollup rollup) {
		this.rollup = rollup;
	}

	@EventListener(ApplicationReadyEvent.class)
	@ClusteredJob(value = "referral-figures-rollup", runs = Runs.ONE_NODE_AT_A_TIME, lockAtMostFor = "PT30M")
	void foldAtStart() {
		long start = System.nanoTime();
		int cells = fold(ReferralAnalyticsRollup.CELLS_PER_FOLD);
		if (cells > 0) {
			log.info("Insights roll-up: {} days and responders' periods folded in at start, in {} s", cells,
					(System.nanoTime() - start) / 1e9);
		}
	}

	@Scheduled(fixedDelayString = "${leadrelay.referrals.figures-fold-interval:PT30S}",
			initialDelayString = "${leadrelay.referrals.figures-fold-interval:PT30S}")
	@ClusteredJob(value = "referral-figures-rollup", runs = Runs.ONE_NODE_AT_A_TIME, lockAtMostFor = "PT30M")
	void scheduledFold() {
		// everything stale in one transaction, as a page folds it: a partner whose leads
		// changed on many days (an expiry sweep's) is recounted in the responders'
		// periods once, not once per month of those days
		fold(Integer.MAX_VALUE);
	}

	private int fold(int cellsPerTransaction) {
		long start = System.nanoTime();
		int cells = 0;
		for (int folded = this.rollup.catchUp(cellsPerTransaction); folded > 0; folded = this.rollup
			.catchUp(cellsPerTransaction)) {
			cells += folded;
		}
		log.debug("Insights roll-up: {} days and responders' periods recomputed in {} ms", cells,
				(System.nanoTime() - start) / 1_000_000);
		return cells;
	}

}
