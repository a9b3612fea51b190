package org.leadrelay.notification;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The email settings users changed, per notification kind, and their choice of new-lead
 * mails.
 */
@Repository
class NotificationPreferenceRepository {

	private final JdbcClient jdbc;

	NotificationPreferenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The kinds the user set, each with whether it is emailed. */
	Map<NotificationKind, Boolean> findEmailSettings(UUID userId) {
		return this.jdbc.sql("select kind, email from notification_preference where user_id = ?")
			.param(userId)
			.query((rs, row) -> Map.entry(NotificationKind.valueOf(rs.getString("kind")), rs.getBoolean("email")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The user's setting for the kind; empty if never set. */
	Optional<Boolean> findEmail(UUID userId, NotificationKind kind) {
		return this.jdbc.sql("select email from notification_preference where user_id = ? and kind = ?")
			.params(userId, kind.name())
			.query(Boolean.class)
			.optional();
	}

	void saveEmail(UUID userId, NotificationKind kind, boolean email) {
		this.jdbc
			.sql("insert into notification_preference (user_id, kind, email) values (?, ?, ?) "
					+ "on conflict (user_id, kind) do update set email = excluded.email")
			.params(userId, kind.name(), email)
			.update();
	}

	Optional<NewLeadMails> findNewLeadMails(UUID userId) {
		return this.jdbc.sql("select digest from new_lead_mail_choice where user_id = ?")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.map(digest -> digest ? NewLeadMails.DIGEST : NewLeadMails.EACH);
	}

	/** Saves the user's choice; null forgets it. */
	void saveNewLeadMails(UUID userId, @Nullable NewLeadMails choice) {
		if (choice == null) {
			this.jdbc.sql("delete from new_lead_mail_choice where user_id = ?").param(userId).update();
			return;
		}
		this.jdbc
			.sql("insert into new_lead_mail_choice (user_id, digest) values (?, ?) "
					+ "on conflict (user_id) do update set digest = excluded.digest")
			.params(userId, choice == NewLeadMails.DIGEST)
			.update();
	}

}
