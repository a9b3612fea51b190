package org.leadrelay.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.leadrelay.referral.ReferralEvent;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralsExpired;
import org.leadrelay.referral.ReferralsReceived;

import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records every referral event whose transaction committed, so tests can check what was
 * published and how often.
 */
public class EventRecorder {

	private final List<ReferralEvent> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(ReferralEvent event) {
		this.events.add(event);
	}

	private final List<ReferralsReceived> announcements = new CopyOnWriteArrayList<>();

	/** Announcements of new leads count as the leads they carry. */
	@TransactionalEventListener
	void on(ReferralsReceived batch) {
		this.announcements.add(batch);
		this.events.addAll(batch.received());
	}

	/** Expiry sweep batches count as the expirations they carry. */
	@TransactionalEventListener
	void on(ReferralsExpired batch) {
		this.events.addAll(batch.expirations());
	}

	public <T extends ReferralEvent> List<T> of(Class<T> type, List<ReferralId> ids) {
		return this.events.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter(event -> ids.contains(event.referralId()))
			.toList();
	}

	/** How many announcements of new leads carried any of these. */
	public long batchesOf(List<ReferralId> ids) {
		return this.announcements.stream()
			.filter(batch -> batch.received().stream().anyMatch(event -> ids.contains(event.referralId())))
			.count();
	}

}
