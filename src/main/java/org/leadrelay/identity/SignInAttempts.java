package org.leadrelay.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts consecutive failed sign-ins per email address in the database, so that every
 * node sees the same count, and locks an address out for a while once they pile up: for
 * {@code lockout} at {@code maxFailures}, twice as long with each failure after, at most
 * a day. Failures older than a day are forgotten.
 */
@Component
class SignInAttempts {

	private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

	private static final Duration MEMORY = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final IdentityProperties.SignIn settings;

	private final Clock clock;

	SignInAttempts(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.settings = properties.signIn();
		this.clock = clock;
	}

	/** Until when the address is locked out, if it is now. */
	Optional<Instant> lockedUntil(String email) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("select locked_until from sign_in_failure where email = ? and locked_until > ?")
			.params(normalize(email), SqlValues.timestamp(now))
			.query((rs, row) -> SqlValues.instant(rs, "locked_until"))
			.optional();
	}

	/**
	 * Counts a failure.
	 * @return until when the address is locked out now, if this failure locked it
	 */
	Optional<Instant> failed(String email) {
		Instant now = this.clock.instant();
		String address = normalize(email);
		int failures = this.jdbc
			.sql("insert into sign_in_failure (email, failures, last_failed_at) values (?, 1, ?) "
					+ "on conflict (email) do update set last_failed_at = excluded.last_failed_at, failures = "
					+ "case when sign_in_failure.last_failed_at < ? then 1 else sign_in_failure.failures + 1 end "
					+ "returning failures")
			.params(address, SqlValues.timestamp(now), SqlValues.timestamp(now.minus(MEMORY)))
			.query(Integer.class)
			.single();
		if (failures < this.settings.maxFailures()) {
			return Optional.empty();
		}
		Duration lockout = lockout(failures - this.settings.maxFailures());
		Instant lockedUntil = now.plus(lockout);
		this.jdbc.sql("update sign_in_failure set locked_until = ? where email = ?")
			.params(SqlValues.timestamp(lockedUntil), address)
			.update();
		log.warn("Sign-in locked for {} after {} consecutive failures", lockout, failures);
		return Optional.of(lockedUntil);
	}

	void succeeded(String email) {
		this.jdbc.sql("delete from sign_in_failure where email = ?").param(normalize(email)).update();
	}

	/** Forgets failures nobody repeated for a day, so the table stays small. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@ClusteredJob(value = "sign-in-failure-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void forgetOldFailures() {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("delete from sign_in_failure where last_failed_at < ? and (locked_until is null or locked_until < ?)")
			.params(SqlValues.timestamp(now.minus(MEMORY)), SqlValues.timestamp(now))
			.update();
	}

	private Duration lockout(int failuresBeyondLimit) {
		Duration lockout = this.settings.lockout();
		for (int i = 0; i < failuresBeyondLimit && lockout.compareTo(MEMORY) < 0; i++) {
			lockout = lockout.multipliedBy(2);
		}
		return lockout.compareTo(MEMORY) > 0 ? MEMORY : lockout;
	}

	static String normalize(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
