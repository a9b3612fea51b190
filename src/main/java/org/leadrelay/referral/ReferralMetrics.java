package org.leadrelay.referral;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.leadrelay.referral.ReferralEvent.ReferralAccepted;
import org.leadrelay.referral.ReferralEvent.ReferralDeclined;
import org.leadrelay.referral.ReferralEvent.ReferralExpired;
import org.leadrelay.referral.ReferralEvent.ReferralLost;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralEvent.ReferralWon;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the lifecycle of referrals for {@code /actuator/prometheus}
 * ({@code leadrelay_referrals_received_total{qualification}},
 * {@code leadrelay_referrals_accepted_total}, ...), from the events of committed changes.
 * Counters are per node, as Prometheus expects. A plain listener that counts after the
 * commit: a transactional event listener would be one of the outbox, with a stored
 * publication per event, and a count needs no retry.
 */
@Component
class ReferralMetrics {

	private final MeterRegistry registry;

	private final Counter accepted;

	private final Counter declined;

	private final Counter expired;

	private final Counter won;

	private final Counter lost;

	ReferralMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.accepted = counter("accepted", "Referrals a partner accepted");
		this.declined = counter("declined", "Referrals a partner declined");
		this.expired = counter("expired", "Referrals that expired unanswered");
		this.won = counter("won", "Referrals won");
		this.lost = counter("lost", "Referrals lost");
		for (Qualification qualification : Qualification.values()) {
			received(qualification);
		}
	}

	@EventListener
	void on(ReferralEvent event) {
		afterCommit(() -> count(event));
	}

	@EventListener
	void on(ReferralsExpired batch) {
		afterCommit(() -> this.expired.increment(batch.expirations().size()));
	}

	private void count(ReferralEvent event) {
		if (event instanceof ReferralReceived received) {
			received(received.qualification()).increment();
		}
		else if (event instanceof ReferralAccepted) {
			this.accepted.increment();
		}
		else if (event instanceof ReferralDeclined) {
			this.declined.increment();
		}
		else if (event instanceof ReferralExpired) {
			this.expired.increment();
		}
		else if (event instanceof ReferralWon) {
			this.won.increment();
		}
		else if (event instanceof ReferralLost) {
			this.lost.increment();
		}
	}

	private static void afterCommit(Runnable count) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				count.run();
			}

		});
	}

	private Counter received(Qualification qualification) {
		return Counter.builder("leadrelay.referrals.received")
			.description("Referrals received, by qualification")
			.tag("qualification", qualification.name())
			.register(this.registry);
	}

	private Counter counter(String outcome, String description) {
		return Counter.builder("leadrelay.referrals." + outcome).description(description).register(this.registry);
	}

}
