package org.leadrelay.marketplace;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfileChanged;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.ProfileId;
import org.leadrelay.routing.Responsiveness;
import org.leadrelay.routing.ResponsivenessRefreshed;
import org.leadrelay.routing.ResponsivenessScore;
import org.leadrelay.shared.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the marketplace's search index ({@code marketplace_listing}) in step with the
 * business profiles: every profile change is indexed from the outbox right after it
 * commits, from the profile as it is then (so a late or repeated event is harmless, and
 * an older version never overwrites a newer one). A profile without locations stays in
 * the index, unlisted. Responsiveness scores are copied in whenever they are recomputed.
 * An empty index with profiles around (a restored database, a fresh installation of the
 * module) is rebuilt at startup.
 */
@Component
class MarketplaceIndex implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MarketplaceIndex.class);

	private static final int BATCH_SIZE = 500;

	private final BusinessProfiles profiles;

	private final Responsiveness responsiveness;

	private final MarketplaceRepository listings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MarketplaceIndex(BusinessProfiles profiles, Responsiveness responsiveness, MarketplaceRepository listings,
			TransactionTemplate transactions, Clock clock) {
		this.profiles = profiles;
		this.responsiveness = responsiveness;
		this.listings = listings;
		this.transactions = transactions;
		this.clock = clock;
	}

	@ApplicationModuleListener(id = "marketplace.index")
	void on(BusinessProfileChanged changed) {
		this.profiles.find(changed.profileId())
			.ifPresent(profile -> index(List.of(profile),
					Map.of(profile.organizationId(), this.responsiveness.of(profile.organizationId()).score())));
	}

	/** Copies the recomputed scores into the listings whose score changed. */
	@ApplicationModuleListener(id = "marketplace.responsiveness")
	void on(ResponsivenessRefreshed refreshed) {
		copyScores(this.responsiveness.withHistory());
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.listings.isEmpty() && !this.profiles.page(null, 1).isEmpty()) {
			rebuild();
		}
	}

	/** Indexes every profile again, in batches. */
	void rebuild() {
		long start = System.nanoTime();
		List<ResponsivenessScore> scores = this.responsiveness.withHistory();
		Map<OrganizationId, Double> byPartner = scores.stream()
			.collect(Collectors.toMap(ResponsivenessScore::organizationId, ResponsivenessScore::score));
		int count = 0;
		ProfileId after = null;
		List<BusinessProfile> page;
		do {
			page = this.profiles.page(after, BATCH_SIZE);
			if (!page.isEmpty()) {
				index(page, byPartner);
				after = page.get(page.size() - 1).id();
				count += page.size();
			}
		}
		while (page.size() == BATCH_SIZE);
		copyScores(scores);
		log.info("Marketplace index rebuilt: {} profiles in {} s", count, (System.nanoTime() - start) / 1_000_000_000);
	}

	/**
	 * Sets each listing's responsiveness to its partner's score, neutral for partners
	 * without one; only rows whose score changed are written.
	 */
	private void copyScores(List<ResponsivenessScore> scores) {
		this.transactions.executeWithoutResult(status -> {
			int changed = this.listings.updateResponsiveness(scores);
			log.debug("Responsiveness changed for {} listings", changed);
		});
	}

	private void index(List<BusinessProfile> batch, Map<OrganizationId, Double> scores) {
		List<String> words = new ArrayList<>();
		for (BusinessProfile profile : batch) {
			Stream.concat(profile.details().expertise().all(), names(profile))
				.flatMap(text -> Folding.words(text).stream())
				// numbers have no typos worth correcting
				.filter(word -> word.length() >= Keywords.MIN_CORRECTED_LENGTH && word.length() <= 100
						&& !word.chars().allMatch(Character::isDigit))
				.forEach(words::add);
		}
		this.transactions.executeWithoutResult(status -> {
			this.listings.upsert(batch, scores, this.clock.instant());
			this.listings.addTerms(words.stream().distinct().toList());
		});
	}

	/**
	 * The names a profile is found by: its own, its organization's and its locations'.
	 */
	static Stream<String> names(BusinessProfile profile) {
		return Stream.concat(Stream.of(profile.details().name(), profile.organizationName()),
				profile.locations().stream().map(Location::name));
	}

}
