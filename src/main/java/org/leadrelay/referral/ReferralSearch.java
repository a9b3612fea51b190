package org.leadrelay.referral;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralQuery.Cursor;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Service;

/**
 * Reads referrals on behalf of a caller, always within the caller's scope: another
 * organization's referral is not found, never forbidden.
 */
@Service
public class ReferralSearch {

	private final ReferralSearchRepository views;

	private final ReferralRepository repository;

	ReferralSearch(ReferralSearchRepository views, ReferralRepository repository) {
		this.views = views;
		this.repository = repository;
	}

	/**
	 * One referral as the caller sees it; {@code itemNotFound} if it is not in the
	 * caller's scope.
	 */
	public ViewedReferral get(Caller caller, ReferralId id) {
		ReferralScope scope = ReferralScope.of(caller);
		return this.views.find(scope, caller.principalId(), id).orElseThrow(() -> notFound(id));
	}

	/**
	 * A referral by id for LeadRelay's own listeners and jobs, which act for no caller.
	 * @param owner the partner organization that owns it (every event names it)
	 */
	public Optional<Referral> findOwnedBy(OrganizationId owner, ReferralId id) {
		return this.repository.find(ReferralScope.owner(owner), id);
	}

	/**
	 * The referrals that events are about, in one query, for listeners that handle a
	 * batch of events at once; a referral that is gone is left out.
	 */
	public List<Referral> findAbout(List<? extends ReferralEvent> events) {
		if (events.isEmpty()) {
			return List.of();
		}
		return this.repository.findAll(events.stream().map(ReferralEvent::organizationId).toList(),
				events.stream().map(ReferralEvent::referralId).toList());
	}

	/**
	 * Those of the ids that name leads the caller's vendor program sent (for a partner:
	 * none).
	 */
	public Set<ReferralId> sentBy(Caller caller, Collection<ReferralId> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return this.repository.sentBy(caller.organizationId(), ids.stream().map(ReferralId::value).toList())
			.stream()
			.map(ReferralId::new)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * The organizations with a record in each of the engagements, oldest record first:
	 * who is on the other side of the caller's deals. Only for engagements of records the
	 * caller read; it names organizations, never their records.
	 */
	public Map<UUID, List<OrganizationId>> parties(Collection<UUID> engagementIds) {
		return engagementIds.isEmpty() ? Map.of() : this.repository.parties(List.copyOf(engagementIds));
	}

	public ReferralPage list(Caller caller, ReferralQuery query) {
		ReferralScope scope = ReferralScope.of(caller);
		Long total = query.count() ? this.views.count(scope, caller.principalId(), query.filter()) : null;
		// one more than the page holds tells whether another page follows
		List<ViewedReferral> rows = this.views.findPage(scope, caller.principalId(), query, query.limit() + 1);
		Cursor next = null;
		if (rows.size() > query.limit()) {
			rows = rows.subList(0, query.limit());
			next = cursorAfter(rows.get(rows.size() - 1).referral(), query.sort());
		}
		return new ReferralPage(rows, total, next);
	}

	/** How many referrals in the caller's scope match the filter (null for all). */
	public long count(Caller caller, @Nullable ReferralFilter filter) {
		return this.views.count(ReferralScope.of(caller), caller.principalId(), filter);
	}

	/** The referral's history, oldest first. */
	public List<TimelineEntry> timeline(Caller caller, ReferralId id) {
		ReferralScope scope = ReferralScope.of(caller);
		if (this.repository.find(scope, id).isEmpty()) {
			throw notFound(id);
		}
		return this.repository.timeline(scope, id);
	}

	private static Cursor cursorAfter(Referral last, ReferralSort sort) {
		return new Cursor(sort.field(), sortValue(last, sort.field()), last.id());
	}

	private static @Nullable Object sortValue(Referral referral, ReferralSort.Field field) {
		return switch (field) {
			case CREATED -> referral.createdAt();
			case UPDATED -> referral.updatedAt();
			case EXPIRATION -> referral.expiresAt();
			case DEAL_VALUE -> {
				Money value = referral.dealValue();
				BigDecimal amount = value == null ? null : value.amount();
				yield amount;
			}
		};
	}

	static DomainException notFound(ReferralId id) {
		return DomainException.notFound("Referral " + id + " not found");
	}

}
