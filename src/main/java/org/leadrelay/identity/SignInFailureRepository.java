package org.leadrelay.identity;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the failed sign-in counters ({@code sign_in_failure}), one row per subject (an
 * account, an address on an account, an address).
 */
@Repository
class SignInFailureRepository {

	private final JdbcClient jdbc;

	SignInFailureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the subject's row with no failures, unless it exists, so that {@link #lock}
	 * has a row to hold.
	 */
	void insertIfAbsent(String subject, Instant lastFailedAt) {
		this.jdbc
			.sql("insert into sign_in_failure (subject, failures, last_failed_at) values (?, 0, ?) "
					+ "on conflict (subject) do nothing")
			.params(subject, SqlValues.timestamp(lastFailedAt))
			.update();
	}

	/**
	 * Reads the three subjects' rows and holds them until the transaction ends, taking
	 * the locks in subject order so that parallel attempts cannot deadlock.
	 * @param subjects three subjects
	 */
	List<FailureCount> lock(List<String> subjects) {
		return this.jdbc
			.sql("select subject, failures, last_failed_at, locked_until from sign_in_failure "
					+ "where subject in (?, ?, ?) order by subject for update")
			.params(subjects.toArray())
			.query((rs, row) -> new FailureCount(rs.getString("subject"), rs.getInt("failures"),
					SqlValues.instant(rs, "last_failed_at"), SqlValues.instant(rs, "locked_until")))
			.list();
	}

	void save(String subject, int failures, Instant lastFailedAt, @Nullable Instant lockedUntil) {
		this.jdbc
			.sql("insert into sign_in_failure (subject, failures, last_failed_at, locked_until) values (?, ?, ?, ?) "
					+ "on conflict (subject) do update set failures = excluded.failures, "
					+ "last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until")
			.params(subject, failures, SqlValues.timestamp(lastFailedAt), SqlValues.timestamp(lockedUntil))
			.update();
	}

	void delete(String subject, String otherSubject) {
		this.jdbc.sql("delete from sign_in_failure where subject in (?, ?)").params(subject, otherSubject).update();
	}

	/** Takes one failure back from the subject's count, if it has any. */
	void takeBackOne(String subject) {
		this.jdbc.sql("update sign_in_failure set failures = failures - 1 where subject = ? and failures > 0")
			.param(subject)
			.update();
	}

	/**
	 * Deletes the rows whose last failure is older than that and that lock nothing now.
	 */
	void deleteFailedBefore(Instant lastFailedBefore, Instant now) {
		this.jdbc
			.sql("delete from sign_in_failure where last_failed_at < ? and (locked_until is null or locked_until < ?)")
			.params(SqlValues.timestamp(lastFailedBefore), SqlValues.timestamp(now))
			.update();
	}

	record FailureCount(String subject, int failures, Instant lastFailedAt, @Nullable Instant lockedUntil) {

	}

}
