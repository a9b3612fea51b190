package org.leadrelay.referral;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
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
 * {@code leadrelay_referrals_accepted_total{qualification}}, ...), from the events of
 * committed changes. Counters are per node, as Prometheus expects. A plain listener that
 * counts after the commit: a transactional event listener would be one of the outbox,
 * with a stored publication per event, and a count needs no retry.
 */
@Component
class ReferralMetrics {

	private static final List<String> OUTCOMES = List.of("received", "accepted", "declined", "expired", "won", "lost");

	private final MeterRegistry registry;

	private final ReferralRepository referrals;

	ReferralMetrics(MeterRegistry registry, ReferralRepository referrals) {
		this.registry = registry;
		this.referrals = referrals;
		for (Qualification qualification : Qualification.values()) {
			for (String outcome : OUTCOMES) {
				counter(outcome, qualification);
			}
		}
	}

	@EventListener
	void on(ReferralEvent event) {
		String outcome = outcome(event);
		if (outcome == null) {
			return;
		}
		Qualification qualification = (event instanceof ReferralReceived received) ? received.qualification()
				: this.referrals.countByQualification(List.of(event.referralId())).keySet().iterator().next();
		afterCommit(() -> counter(outcome, qualification).increment());
	}

	@EventListener
	void on(ReferralsExpired batch) {
		// Read in the sweep's transaction: one query per batch, not per referral.
		Map<Qualification, Integer> counts = this.referrals
			.countByQualification(batch.expirations().stream().map(ReferralExpired::referralId).toList());
		afterCommit(() -> counts.forEach((qualification, count) -> counter("expired", qualification).increment(count)));
	}

	@EventListener
	void on(ReferralsReceived batch) {
		Map<Qualification, Long> counts = batch.received()
			.stream()
			.collect(Collectors.groupingBy(ReferralReceived::qualification, Collectors.counting()));
		afterCommit(
				() -> counts.forEach((qualification, count) -> counter("received", qualification).increment(count)));
	}

	private static @Nullable String outcome(ReferralEvent event) {
		if (event instanceof ReferralReceived) {
			return "received";
		}
		if (event instanceof ReferralAccepted) {
			return "accepted";
		}
		if (event instanceof ReferralDeclined) {
			return "declined";
		}
		if (event instanceof ReferralExpired) {
			return "expired";
		}
		if (event instanceof ReferralWon) {
			return "won";
		}
		return (event instanceof ReferralLost) ? "lost" : null;
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

	private Counter counter(String outcome, Qualification qualification) {
		return Counter.builder("leadrelay.referrals." + outcome)
			.description("Referrals " + outcome + ", by qualification (the lead's type)")
			.tag("qualification", qualification.name())
			.register(this.registry);
	}

}
