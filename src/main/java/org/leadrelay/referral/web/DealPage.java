package org.leadrelay.referral.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.DealStage;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.Origin;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.Substatus;

/**
 * What a co-sell deal's page shows beyond a lead's: who invited the viewer, how far the
 * other organizations of the engagement have come (their stage, never their fields), and
 * the deal's own actions: the sales stages it may move to and sharing a private deal with
 * the vendor.
 *
 * @param inviterName for an invitation, the organization whose deal it is
 * @param others the other records of the engagement, as far as this side may see them
 * @param moves the stages the deal may move to now (Won comes from Mark won)
 * @param next the stage after the current one, offered first; null from Negotiated on
 * @param canShare a private deal of the viewer's, which the customer may agree to share
 * @param registrationPage a won deal of the viewer's own, whose registration page says
 * whether it is registered, may be, or why not
 */
record DealPage(DealType type, @Nullable String inviterName, List<Party> others, List<DealStage> moves,
		@Nullable DealStage next, boolean canShare, boolean registrationPage) {

	/** Stages the workspace moves a deal between by hand. */
	private static final List<DealStage> MOVABLE = Arrays.stream(DealStage.values())
		.filter(stage -> stage != DealStage.Accepted && stage != DealStage.Won)
		.toList();

	static DealPage of(LeadPage lead, @Nullable String inviterName, List<Party> others) {
		Referral deal = lead.referral();
		DealType type = deal.engagement().dealType();
		if (type == null) {
			throw new IllegalArgumentException("A lead has no deal page");
		}
		DealStage current = deal.stage();
		List<DealStage> moves = lead.canWork() ? MOVABLE.stream().filter(stage -> stage != current).toList()
				: List.of();
		DealStage next = moves.stream()
			.filter(stage -> current == null || stage.ordinal() > current.ordinal())
			.findFirst()
			.orElse(null);
		boolean canShare = lead.partner() && type == DealType.Private && deal.engagement().origin() == Origin.Deal
				&& !deal.isArchived();
		boolean registrationPage = lead.partner() && deal.engagement().origin() == Origin.Deal
				&& deal.substatus() == Substatus.Won;
		return new DealPage(type, inviterName, others, moves, next, canShare, registrationPage);
	}

	/** Another organization's record of the deal: whose, and how far it has come. */
	record Party(String name, Origin origin, Substatus substatus, @Nullable DealStage stage) {

		/**
		 * Its stage as the page names it: the sales stage while open, else its status.
		 */
		public String stageKey() {
			return this.stage != null && this.substatus == Substatus.Accepted ? this.stage.messageKey()
					: "stage." + this.substatus.name();
		}

	}

}
