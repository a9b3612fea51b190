package org.leadrelay.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.identity.SignInFailureRepository.FailureCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Counts failed sign-ins in the database, so that every node sees the same counts, per
 * account, per client address, and per address on an account. Each attempt is counted as
 * a failure before its password is checked, in one transaction that holds the counters'
 * rows, so parallel attempts cannot slip past a limit; a success takes its count back.
 * <ul>
 * <li>An account: the first {@code freeFailures} cost nothing; each further one makes the
 * account's next attempt wait (doubling from {@code delay}); at {@code maxFailures} the
 * account is locked for {@code lockout} (doubling, at most a day).</li>
 * <li>An address on an account: after {@code addressFailuresPerAccount} failures (fewer
 * than {@code maxFailures}) that address may not try that account for a day, so one
 * address alone only ever causes the short waits.</li>
 * <li>An address: after {@code addressFailures} failures on any accounts it may not try
 * for {@code addressWindow}.</li>
 * </ul>
 * Unknown addresses are counted like known ones, so the answers tell nothing about which
 * accounts exist.
 */
@Component
class SignInAttempts {

	private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

	private static final Duration MEMORY = Duration.ofDays(1);

	private final SignInFailureRepository repository;

	private final TransactionOperations transactions;

	private final IdentityProperties.SignIn settings;

	private final Clock clock;

	SignInAttempts(SignInFailureRepository repository, TransactionOperations transactions,
			IdentityProperties properties, Clock clock) {
		this.repository = repository;
		this.transactions = transactions;
		this.settings = properties.signIn();
		this.clock = clock;
	}

	/**
	 * Counts an attempt as a failure, unless one of its counters holds it back.
	 * @param email as typed
	 * @param address the client's address
	 */
	Attempt begin(String email, String address) {
		Instant now = this.clock.instant();
		List<Counter> counters = counters(EmailAddresses.normalize(email), address);
		return Objects.requireNonNull(this.transactions.execute(status -> count(counters, now)));
	}

	/** Takes back the failure {@link #begin} counted, and clears the account's count. */
	void succeeded(String email, String address) {
		List<Counter> counters = counters(EmailAddresses.normalize(email), address);
		this.repository.delete(counters.get(0).subject(), counters.get(1).subject());
		this.repository.takeBackOne(counters.get(2).subject());
	}

	/** Forgets failures nobody repeated for a day, so the table stays small. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@ClusteredJob(value = "sign-in-failure-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void forgetOldFailures() {
		Instant now = this.clock.instant();
		this.repository.deleteFailedBefore(now.minus(MEMORY), now);
	}

	private Attempt count(List<Counter> counters, Instant now) {
		List<String> subjects = counters.stream().map(Counter::subject).sorted().toList();
		for (String subject : subjects) {
			this.repository.insertIfAbsent(subject, now);
		}
		Map<String, FailureCount> rows = this.repository.lock(subjects)
			.stream()
			.collect(Collectors.toMap(FailureCount::subject, row -> row));
		Optional<Instant> blocked = rows.values()
			.stream()
			.map(FailureCount::lockedUntil)
			.filter(until -> until != null && until.isAfter(now))
			.max(Comparator.naturalOrder());
		if (blocked.isPresent()) {
			return new Attempt(false, blocked.get());
		}
		Instant waitUntil = null;
		for (Counter counter : counters) {
			// a success or the clean-up may have deleted the row since it was inserted
			FailureCount row = rows.get(counter.subject());
			boolean remembered = row != null && !row.lastFailedAt().isBefore(now.minus(counter.memory()));
			int failures = (remembered ? row.failures() : 0) + 1;
			Duration wait = counter.waitAfter().apply(failures);
			Instant until = wait.isZero() ? null : now.plus(wait);
			if (until != null && (waitUntil == null || until.isAfter(waitUntil))) {
				waitUntil = until;
			}
			if (counter == counters.get(0) && failures >= this.settings.maxFailures()) {
				log.warn("Sign-in locked for {} after {} consecutive failures", wait, failures);
			}
			this.repository.save(counter.subject(), failures, now, until);
		}
		return new Attempt(true, waitUntil);
	}

	/**
	 * The account's, the address-on-account's and the address's counter, in this order.
	 */
	private List<Counter> counters(String email, String address) {
		IdentityProperties.SignIn limits = this.settings;
		return List.of(new Counter("account:" + email, MEMORY, this::accountWait),
				new Counter("address:" + address + " account:" + email, MEMORY,
						failures -> failures >= limits.addressFailuresPerAccount() ? MEMORY : Duration.ZERO),
				new Counter("address:" + address, limits.addressWindow(),
						failures -> failures >= limits.addressFailures() ? limits.addressWindow() : Duration.ZERO));
	}

	private Duration accountWait(int failures) {
		if (failures <= this.settings.freeFailures()) {
			return Duration.ZERO;
		}
		if (failures < this.settings.maxFailures()) {
			return doubled(this.settings.delay(), failures - this.settings.freeFailures() - 1);
		}
		return doubled(this.settings.lockout(), failures - this.settings.maxFailures());
	}

	private static Duration doubled(Duration first, int times) {
		Duration wait = first;
		for (int i = 0; i < times && wait.compareTo(MEMORY) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(MEMORY) > 0 ? MEMORY : wait;
	}

	/**
	 * An attempt's fate.
	 *
	 * @param admitted whether its password may be checked (it is counted as a failure
	 * then, until it succeeds)
	 * @param waitUntil if not admitted, until when; if admitted, until when its failure
	 * makes the next attempt wait, if it does
	 */
	record Attempt(boolean admitted, @Nullable Instant waitUntil) {

	}

	private record Counter(String subject, Duration memory, IntFunction<Duration> waitAfter) {

	}

}
