package org.leadrelay.referral;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.IntSupplier;

import org.leadrelay.shared.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures over many referrals, computed from their own columns, for LeadRelay's jobs and
 * rankings (responsiveness scores, recommendations); never shown to a caller as
 * referrals.
 */
@Service
public class ReferralStatistics {

	private static final Logger log = LoggerFactory.getLogger(ReferralStatistics.class);

	private final ReferralStatisticsRepository repository;

	private final SimilarLeadsRepository similarLeads;

	private final TransactionTemplate transactions;

	/**
	 * A rebuild's or a move's: the changes it drops or folds in and the referrals it
	 * counts in one snapshot.
	 */
	private final TransactionTemplate snapshotTransactions;

	ReferralStatistics(ReferralStatisticsRepository repository, SimilarLeadsRepository similarLeads,
			TransactionTemplate transactions) {
		this.repository = repository;
		this.similarLeads = similarLeads;
		this.transactions = transactions;
		this.snapshotTransactions = new TransactionTemplate(transactions.getTransactionManager());
		this.snapshotTransactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * For every partner that received leads since {@code since}: how many it answered,
	 * how many expired, and its median response time. A lead is answered when accepted
	 * (the time is its acceptance) or declined (the time is its closing); Received leads
	 * still open count for neither.
	 */
	public List<PartnerResponses> responsesSince(Instant since) {
		return this.repository.findResponsesSince(since);
	}

	/**
	 * For each of the {@code partners} of the vendor's program that received leads since
	 * {@code since} sharing at least one of {@code tags}: how it answered them. Partners
	 * without such leads are left out. Exact whether or not {@link #foldSimilarLeads}
	 * ran; a few rows per partner when it did for a period starting no later than
	 * {@code since}.
	 */
	public List<SimilarLeads> similarLeads(OrganizationId vendor, Collection<String> tags, Instant since,
			Collection<OrganizationId> partners) {
		if (tags.isEmpty() || partners.isEmpty()) {
			return List.of();
		}
		return this.similarLeads.find(vendor, tags, since, partners);
	}

	/**
	 * Keeps the roll-up that {@link #similarLeads} reads current for periods from
	 * {@code since} on: moves its start forward to {@code since} when the period has
	 * moved on (taking away the leads created in between), rebuilds it from {@code since}
	 * when there is none or it starts later (a read of a later period takes away the
	 * leads created in between, which costs a look-up per partner), then adds in the
	 * changes to the referrals committed since.
	 * @return how many rows of the roll-up the changes moved
	 */
	public int foldSimilarLeads(Instant since) {
		Instant start = this.similarLeads.start();
		if (start == null || since.isBefore(start)) {
			long begin = System.nanoTime();
			int rows = count(this.snapshotTransactions, () -> this.similarLeads.rebuild(since));
			log.info("Similar leads' roll-up rebuilt from {}: {} rows in {} ms", since, rows,
					(System.nanoTime() - begin) / 1_000_000);
		}
		else if (since.isAfter(start)) {
			long begin = System.nanoTime();
			int rows = count(this.snapshotTransactions, () -> this.similarLeads.advance(since));
			log.info("Similar leads' roll-up moved from {} to {}: {} rows changed in {} ms", start, since, rows,
					(System.nanoTime() - begin) / 1_000_000);
		}
		return count(this.transactions, this.similarLeads::fold);
	}

	private static int count(TransactionTemplate transactions, IntSupplier work) {
		Integer done = transactions.execute(status -> work.getAsInt());
		return done == null ? 0 : done;
	}

}
