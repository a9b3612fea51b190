package org.leadrelay.referral;

import java.util.List;

import org.leadrelay.referral.ReferralAnalyticsRepository.Summary;
import org.leadrelay.shared.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates the referrals a caller may see into {@link LeadFigures}, from a handful of
 * grouped queries over the caller's scope and period, read in one transaction so that
 * they agree.
 */
@Service
public class ReferralAnalytics {

	/** A tag is worth a tip when at least this many of its leads were declined. */
	static final int KEYWORD_MIN_DECLINED = 2;

	private final ReferralAnalyticsRepository figures;

	ReferralAnalytics(ReferralAnalyticsRepository figures) {
		this.figures = figures;
	}

	@Transactional(readOnly = true)
	public LeadFigures figures(Caller caller, FigureCriteria criteria) {
		ReferralScope scope = ReferralScope.of(caller);
		Summary summary = this.figures.summary(scope, criteria);
		return new LeadFigures(summary.perWeek, summary.outcomes, summary.median, summary.trend,
				this.figures.programMedian(caller.organizationId(), caller.isVendor(), criteria),
				this.figures.pipeline(scope, criteria), this.figures.latestExpired(scope, criteria, LeadFigures.LISTED),
				this.figures.declinedKeywords(scope, criteria, KEYWORD_MIN_DECLINED, LeadFigures.LISTED),
				caller.isVendor() ? this.figures.slowestResponders(scope, criteria, LeadFigures.LISTED) : List.of());
	}

}
