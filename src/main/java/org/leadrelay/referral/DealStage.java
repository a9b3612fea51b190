package org.leadrelay.referral;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How far an accepted co-sell deal has come, with the probability that weights its value
 * in a pipeline. The Referrals API knows four sales stages; each stage after Accepted
 * (where a deal starts, before anyone qualified it) maps to one.
 */
public enum DealStage {

	Accepted(10, null), Qualified(20, SalesStage.Qualify), Developed(40, SalesStage.Develop),
	Proposed(60, SalesStage.Propose), Negotiated(80, SalesStage.Close), Won(100, SalesStage.Close);

	private final int percent;

	private final @Nullable SalesStage salesStage;

	DealStage(int percent, @Nullable SalesStage salesStage) {
		this.percent = percent;
		this.salesStage = salesStage;
	}

	/** The chance of winning the deal at this stage, in percent. */
	public int percent() {
		return this.percent;
	}

	/** The Referrals API's {@code salesStage}; none for Accepted. */
	public @Nullable SalesStage salesStage() {
		return this.salesStage;
	}

	/**
	 * The stage an API client means by a sales stage: the furthest open stage that
	 * carries it (Won comes only from winning the deal).
	 */
	public static DealStage of(SalesStage salesStage) {
		return switch (salesStage) {
			case Qualify -> Qualified;
			case Develop -> Developed;
			case Propose -> Proposed;
			case Close -> Negotiated;
		};
	}

	/** The key of the stage's name in the message bundles. */
	public String messageKey() {
		return "coSell.stage." + name().toLowerCase(Locale.ROOT);
	}

}
