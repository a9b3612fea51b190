package org.leadrelay.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.leadrelay.referral.ReferralStatistics;
import org.leadrelay.referral.SimilarLeads;
import org.leadrelay.routing.CandidateRepository.Bounded;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ranks the partner locations of the vendor's program for a new qualified lead with
 * {@link RankingModel}, best first, each explained in plain words. For vendor staff and
 * the vendor's API clients only.
 * <p>
 * Branch and bound, exact: candidates come in order of the most they can score (their
 * score without history, plus the most history adds; {@link CandidateStream}), without
 * scoring every location; the history is read only for the candidates taken in that
 * order, in batches that grow fourfold, until the tenth best score is at least the next
 * candidate's bound.
 */
@Service
public class Recommendations {

	/** How many locations a recommendation lists at most. */
	public static final int MAX = 10;

	/**
	 * The first batch of candidates; each next one is four times the size, at most: once
	 * the tenth best score is known, a batch holds only the candidates that could still
	 * beat it, and fewer, larger batches cost fewer statements than the candidates a
	 * rising tenth best would have spared.
	 */
	static final int FIRST_BATCH = 64;

	/** Best first; among equal scores, by partner, location name and id. */
	static final Comparator<Scored> RANKING = Comparator.comparingDouble((Scored scored) -> scored.signals().score())
		.reversed()
		.thenComparing(scored -> scored.candidate().partnerName())
		.thenComparing(scored -> scored.candidate().place().name())
		.thenComparing(scored -> scored.candidate().place().id().value());

	private final CandidateRepository candidates;

	private final ReferralStatistics statistics;

	private final Explanations explanations;

	private final RoutingProperties properties;

	private final Turns turns;

	/**
	 * One snapshot (repeatable read), as the candidates and their history come in several
	 * statements.
	 */
	private final TransactionTemplate snapshot;

	private final Clock clock;

	Recommendations(CandidateRepository candidates, ReferralStatistics statistics, Explanations explanations,
			RoutingProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.candidates = candidates;
		this.statistics = statistics;
		this.explanations = explanations;
		this.properties = properties;
		this.turns = new Turns(properties.recommendationsAtOnce());
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.clock = clock;
	}

	/**
	 * The ten best for the lead. At most
	 * {@link RoutingProperties#recommendationsAtOnce()} are worked out at once; the
	 * others wait their turn before their transaction begins.
	 */
	public List<Recommendation> recommend(Caller caller, RecommendationQuery query) {
		if (!caller.isVendor()) {
			throw DomainException.accessDenied("Recommendations are for the vendor's staff");
		}
		List<Recommendation> best = this.turns
			.take(() -> this.snapshot.execute(status -> ranked(caller.organizationId(), query)));
		return best == null ? List.of() : best;
	}

	private List<Recommendation> ranked(OrganizationId vendor, RecommendationQuery query) {
		Instant since = this.properties.historySince(this.clock.instant());
		RankingModel model = RankingModel.of(query);
		List<Scored> best = new ArrayList<>();
		CandidateStream candidates = new CandidateStream(this.candidates.parts(vendor, query));
		for (int size = FIRST_BATCH; candidates.hasNext(); size *= 4) {
			List<Bounded> batch = new ArrayList<>(size);
			while (batch.size() < size && candidates.hasNext()) {
				batch.add(candidates.next());
			}
			best.addAll(scored(vendor, model, query, since, batch));
			best.sort(RANKING);
			best.subList(Math.min(MAX, best.size()), best.size()).clear();
			if (best.size() == MAX) {
				// no candidate left could rank whose bound (which every score stays
				// below) is at most the tenth best score
				candidates.raiseFloor(best.get(MAX - 1).signals().score());
			}
		}
		return best.stream().map(scored -> recommendation(query, scored)).toList();
	}

	private List<Scored> scored(OrganizationId vendor, RankingModel model, RecommendationQuery query, Instant since,
			List<Bounded> batch) {
		Map<OrganizationId, SimilarLeads> histories = this.statistics
			.similarLeads(vendor, query.tags(), since,
					batch.stream().map(bounded -> bounded.candidate().place().organizationId()).distinct().toList())
			.stream()
			.collect(Collectors.toMap(SimilarLeads::organizationId, Function.identity()));
		return batch.stream().map(bounded -> {
			Candidate candidate = bounded.candidate();
			SimilarLeads history = histories.get(candidate.place().organizationId());
			Candidate complete = history == null ? candidate : candidate.withHistory(history);
			return new Scored(complete, model.signals(complete));
		}).toList();
	}

	private Recommendation recommendation(RecommendationQuery query, Scored scored) {
		Place place = scored.candidate().place();
		return new Recommendation(place.id(), place.organizationId(), scored.candidate().partnerName(), place.name(),
				place.city(), place.country(), scored.signals().score(),
				this.explanations.of(query, scored.candidate(), scored.signals()));
	}

	/** A candidate with its score's parts. */
	record Scored(Candidate candidate, Signals signals) {
	}

}
