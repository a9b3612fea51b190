package org.leadrelay.referral.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralFilter;
import org.leadrelay.referral.ReferralFilter.Comparison;
import org.leadrelay.referral.ReferralFilter.Field;
import org.leadrelay.referral.ReferralFilter.Operator;
import org.leadrelay.referral.Status;
import org.leadrelay.referral.Substatus;

/**
 * The stage filter of the leads list: Received, Accepted, Archived, and within Archived
 * each outcome.
 */
enum LeadStage {

	ALL("all", null), RECEIVED("received", new Comparison(Field.SUBSTATUS, Operator.EQ, Substatus.Received)),
	ACCEPTED("accepted", new Comparison(Field.SUBSTATUS, Operator.EQ, Substatus.Accepted)),
	ARCHIVED("archived", new Comparison(Field.STATUS, Operator.EQ, Status.Closed)),
	WON("won", new Comparison(Field.SUBSTATUS, Operator.EQ, Substatus.Won)),
	LOST("lost", new Comparison(Field.SUBSTATUS, Operator.EQ, Substatus.Lost)),
	DECLINED("declined", new Comparison(Field.SUBSTATUS, Operator.EQ, Substatus.Declined)),
	EXPIRED("expired", new Comparison(Field.SUBSTATUS, Operator.EQ, Substatus.Expired));

	/** The stages shown as the main choice; the outcomes sit inside Archived. */
	static final List<LeadStage> MAIN = List.of(ALL, RECEIVED, ACCEPTED, ARCHIVED);

	static final List<LeadStage> OUTCOMES = List.of(WON, LOST, DECLINED, EXPIRED);

	private final String param;

	private final @Nullable ReferralFilter filter;

	LeadStage(String param, @Nullable ReferralFilter filter) {
		this.param = param;
		this.filter = filter;
	}

	public String param() {
		return this.param;
	}

	@Nullable ReferralFilter filter() {
		return this.filter;
	}

	static LeadStage from(@Nullable String param) {
		return Arrays.stream(values()).filter(stage -> stage.param.equals(param)).findFirst().orElse(ALL);
	}

}
