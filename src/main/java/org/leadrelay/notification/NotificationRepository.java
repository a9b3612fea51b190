package org.leadrelay.notification;

import java.sql.Array;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ReferralId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' in-app notifications. Every lookup names the user they belong to. */
@Repository
class NotificationRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	NotificationRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long countUnread(UUID userId) {
		return this.jdbc.sql("select count(*) from notification where user_id = ? and read_at is null")
			.param(userId)
			.query(Long.class)
			.single();
	}

	long count(UUID userId) {
		return this.jdbc.sql("select count(*) from notification where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/** The user's notifications, newest first, read or not. */
	List<StoredNotification> findLatest(UUID userId, int limit, long offset) {
		return this.jdbc
			.sql("select id, kind, referral_id, title, audience, arguments, created_at, read_at is not null as read "
					+ "from notification where user_id = ? order by created_at desc, id desc limit ? offset ?")
			.params(userId, limit, offset)
			.query((rs, row) -> {
				Array arguments = rs.getArray("arguments");
				String audience = rs.getString("audience");
				return new StoredNotification(rs.getObject("id", UUID.class),
						NotificationKind.valueOf(rs.getString("kind")),
						new ReferralId(rs.getObject("referral_id", UUID.class)), rs.getString("title"),
						audience == null ? null : Audience.valueOf(audience),
						arguments == null ? null : NoticeArguments.ofStored(List.of((String[]) arguments.getArray())),
						SqlValues.instant(rs, "created_at"), rs.getBoolean("read"));
			})
			.list();
	}

	/**
	 * Marks the user's notification read (keeping when it was first read).
	 * @return the page of the referral it is about; empty if the user has no such
	 * notification
	 */
	Optional<String> markRead(UUID userId, UUID notificationId, Instant now) {
		return this.jdbc
			.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and user_id = ? "
					+ "returning kind, referral_id")
			.params(SqlValues.timestamp(now), notificationId, userId)
			.query((rs, row) -> NotificationKind.valueOf(rs.getString("kind"))
				.pathTo(new ReferralId(rs.getObject("referral_id", UUID.class))))
			.optional();
	}

	/**
	 * @return how many were unread
	 */
	int markAllRead(UUID userId, Instant now) {
		return this.jdbc.sql("update notification set read_at = ? where user_id = ? and read_at is null")
			.params(SqlValues.timestamp(now), userId)
			.update();
	}

	/** How many notifications of the kind the user got since the instant. */
	long countSince(UUID userId, NotificationKind kind, Instant since) {
		return this.jdbc.sql("select count(*) from notification where user_id = ? and kind = ? and created_at > ?")
			.params(userId, kind.name(), SqlValues.timestamp(since))
			.query(Long.class)
			.single();
	}

	/**
	 * Adds a notification unless the user already has one for the event.
	 * @param title the title in the user's language now, kept should the arguments not
	 * fit the texts any more
	 */
	void add(UUID id, UUID userId, Notice notice, NoticeArguments arguments, String title, Instant now) {
		this.jdbc
			.sql("insert into notification (id, user_id, event_id, kind, referral_id, title, audience, arguments, "
					+ "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (user_id, event_id) do nothing")
			.params(id, userId, notice.eventId(), notice.kind().name(), notice.referral().id().value(), title,
					notice.audience().name(), arguments.stored().toArray(String[]::new), SqlValues.timestamp(now))
			.update();
	}

	/**
	 * Adds notifications in one statement (their rows passed as one JSON array), each
	 * unless its user already has one for its event.
	 */
	void addAll(List<NewNotification> notifications, Instant now) {
		if (notifications.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = notifications.stream()
			.map(added -> Map.<String, Object>of("id", added.id(), "user_id", added.userId(), "event_id",
					added.notice().eventId(), "kind", added.notice().kind().name(), "referral_id",
					added.notice().referral().id().value(), "title", added.title(), "audience",
					added.notice().audience().name(), "arguments", added.arguments().stored()))
			.toList();
		this.jdbc
			.sql("""
					insert into notification (id, user_id, event_id, kind, referral_id, title, audience, arguments, created_at)
					select id, user_id, event_id, kind, referral_id, title, audience, arguments, ?
					from jsonb_to_recordset(?::jsonb) as n(id uuid, user_id uuid, event_id uuid, kind text, referral_id uuid,
					  title text, audience text, arguments text[])
					on conflict (user_id, event_id) do nothing""")
			.params(SqlValues.timestamp(now), this.json.writeValueAsString(rows))
			.update();
	}

	/**
	 * A notification to add.
	 *
	 * @param title the title in the user's language now (see {@link #add})
	 */
	record NewNotification(UUID id, UUID userId, Notice notice, NoticeArguments arguments, String title) {
	}

	/**
	 * A notification as stored.
	 *
	 * @param audience whom its notice spoke to; with the arguments null for the rows from
	 * before titles were written when shown
	 */
	record StoredNotification(UUID id, NotificationKind kind, ReferralId referralId, String title,
			@Nullable Audience audience, @Nullable NoticeArguments arguments, Instant createdAt, boolean read) {
	}

}
