package org.leadrelay.referral;

import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.platform.SqlValues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The events of new leads waiting to be announced ({@link LeadAnnouncements}). */
@Repository
class LeadAnnouncementRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	LeadAnnouncementRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		// an event held by an older version may have fields this one dropped
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	void hold(ReferralReceived event) {
		this.jdbc.sql("insert into referral_announcement (referral_id, event, held_at) values (?, ?, ?)")
			.params(event.referralId().value(), this.json.writeValueAsString(event),
					SqlValues.timestamp(event.occurredAt()))
			.update();
	}

	/**
	 * Takes up to {@code limit} of the held events, oldest first, for this transaction;
	 * rows another transaction took are skipped, so each event is taken once.
	 */
	List<ReferralReceived> take(int limit) {
		return this.jdbc.sql("""
				delete from referral_announcement where referral_id in (
				  select referral_id from referral_announcement order by held_at limit ? for update skip locked)
				returning event""")
			.param(limit)
			.query((rs, row) -> this.json.readValue(rs.getString("event"), ReferralReceived.class))
			.list()
			.stream()
			.sorted(Comparator.comparing(ReferralReceived::occurredAt))
			.toList();
	}

}
