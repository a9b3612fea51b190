package org.leadrelay.testing;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Watches the event publication registry: listeners run asynchronously after commit, and
 * a completed publication is deleted, so "nothing left about this referral" means every
 * listener has handled its events.
 */
public class EventPublications {

	private final JdbcClient jdbc;

	EventPublications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits until every listener completed the events that mention the id, a new lead's
	 * event announced first ({@code LeadAnnouncements}).
	 */
	public void awaitCompleted(Object id) {
		await().atMost(Duration.ofSeconds(20)).until(() -> held(id) + count(id, "") == 0);
	}

	/** Waits until a publication that mentions the id failed. */
	public void awaitFailed(Object id) {
		await().atMost(Duration.ofSeconds(20)).until(() -> count(id, " and status = 'FAILED'") > 0);
	}

	private long count(Object id, String condition) {
		return this.jdbc.sql("select count(*) from event_publication where serialized_event like ?" + condition)
			.param("%" + id + "%")
			.query(Long.class)
			.single();
	}

	/** New leads' events waiting to be announced, which become publications then. */
	private long held(Object id) {
		return this.jdbc.sql("select count(*) from referral_announcement where event like ?")
			.param("%" + id + "%")
			.query(Long.class)
			.single();
	}

}
