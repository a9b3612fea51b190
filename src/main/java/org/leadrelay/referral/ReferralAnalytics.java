package org.leadrelay.referral;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.LeadFigures.Responder;
import org.leadrelay.referral.ReferralAnalyticsRepository.Summary;
import org.leadrelay.referral.ReferralAnalyticsRollupRepository.Period;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aggregates the referrals a caller may see into {@link LeadFigures}. Whole days of a
 * whole program (the vendor admin's view, and the program median every partner is
 * compared with) come from the daily roll-ups, brought up to date first; the rest from a
 * handful of grouped queries over the caller's scope and period, each group read in one
 * transaction so that its figures agree.
 */
@Service
public class ReferralAnalytics {

	/** A tag is worth a tip when at least this many of its leads were declined. */
	static final int KEYWORD_MIN_DECLINED = 2;

	private final ReferralAnalyticsRepository figures;

	private final ReferralAnalyticsRollup rollup;

	private final TransactionTemplate reads;

	ReferralAnalytics(ReferralAnalyticsRepository figures, ReferralAnalyticsRollup rollup,
			PlatformTransactionManager transactions) {
		this.figures = figures;
		this.rollup = rollup;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
	}

	public LeadFigures figures(Caller caller, FigureCriteria criteria) {
		LeadFigures figures = overview(caller, criteria);
		return caller.isVendor() ? figures.withSlowestResponders(slowestResponders(caller, criteria)) : figures;
	}

	/**
	 * The figures but the slowest responders, which a page asks for apart so that they do
	 * not hold up the rest when they must be counted from the referrals.
	 */
	public LeadFigures overview(Caller caller, FigureCriteria criteria) {
		if (ReferralAnalyticsRollup.covers(criteria)) {
			// committed before the reads, and before they hold a connection of their own
			this.rollup.catchUp(Integer.MAX_VALUE);
		}
		LeadFigures figures = this.reads.execute(status -> read(caller, criteria));
		return Objects.requireNonNull(figures);
	}

	private LeadFigures read(Caller caller, FigureCriteria criteria) {
		ReferralScope scope = ReferralScope.of(caller);
		if (!ReferralAnalyticsRollup.covers(criteria)) {
			return of(scope, criteria, this.figures.summary(scope, criteria),
					this.figures.programMedian(caller.organizationId(), caller.isVendor(), criteria));
		}
		OrganizationId vendor = caller.isVendor() ? caller.organizationId()
				: this.rollup.vendorOf(caller.organizationId());
		Period program = this.rollup.period(vendor, criteria);
		if (!scope.vendor() || scope.narrowing() != null || criteria.location() != null) {
			return of(scope, criteria, this.figures.summary(scope, criteria), this.rollup.median(program, criteria));
		}
		Summary summary = this.rollup.summary(program, criteria);
		return new LeadFigures(summary.perWeek, summary.outcomes, summary.median, summary.trend, summary.median,
				this.rollup.pipeline(program), this.figures.latestExpired(scope, criteria, LeadFigures.LISTED),
				this.rollup.declinedKeywords(program, KEYWORD_MIN_DECLINED, LeadFigures.LISTED), List.of());
	}

	/**
	 * The open co-sell deals the caller may see, weighted by stage: the vendor's over the
	 * deals its staff see (partner-led deals and its own co-sell invitations), a
	 * partner's over its own, optionally of one location. Unlike the lead figures, not
	 * limited to a period: it is the pipeline as it stands.
	 */
	@Transactional(readOnly = true)
	public DealPipeline dealPipeline(Caller caller, @Nullable LocationId location) {
		return DealPipeline.of(this.figures.openDeals(ReferralScope.of(caller), location));
	}

	/**
	 * For the vendor: the partners with the slowest median answer; none for a partner.
	 * The whole program over a period the page offers comes from the responders' roll-up,
	 * brought up to date first; anything else is counted from the referrals.
	 */
	public List<Responder> slowestResponders(Caller caller, FigureCriteria criteria) {
		if (!caller.isVendor()) {
			return List.of();
		}
		ReferralScope scope = ReferralScope.of(caller);
		if (ReferralAnalyticsRollup.covers(criteria) && scope.narrowing() == null && criteria.location() == null) {
			this.rollup.catchUp(Integer.MAX_VALUE);
			Optional<List<Responder>> kept = this.reads.execute(status -> this.rollup
				.slowestResponders(this.rollup.period(caller.organizationId(), criteria), LeadFigures.LISTED));
			if (Objects.requireNonNull(kept).isPresent()) {
				return kept.get();
			}
		}
		return Objects.requireNonNull(
				this.reads.execute(status -> this.figures.slowestResponders(scope, criteria, LeadFigures.LISTED)));
	}

	/** Every figure counted from the referrals themselves, as the roll-ups must agree. */
	@Transactional(readOnly = true)
	LeadFigures recount(Caller caller, FigureCriteria criteria) {
		ReferralScope scope = ReferralScope.of(caller);
		return of(scope, criteria, this.figures.summary(scope, criteria),
				this.figures.programMedian(caller.organizationId(), caller.isVendor(), criteria))
			.withSlowestResponders(caller.isVendor()
					? this.figures.slowestResponders(scope, criteria, LeadFigures.LISTED) : List.of());
	}

	private LeadFigures of(ReferralScope scope, FigureCriteria criteria, Summary summary,
			@Nullable Duration programMedian) {
		return new LeadFigures(summary.perWeek, summary.outcomes, summary.median, summary.trend, programMedian,
				this.figures.pipeline(scope, criteria), this.figures.latestExpired(scope, criteria, LeadFigures.LISTED),
				this.figures.declinedKeywords(scope, criteria, KEYWORD_MIN_DECLINED, LeadFigures.LISTED), List.of());
	}

}
