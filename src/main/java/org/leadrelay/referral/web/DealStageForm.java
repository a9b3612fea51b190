package org.leadrelay.referral.web;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.DealStage;

/** Moving a deal to another sales stage. */
record DealStageForm(@Nullable Integer version, @NotNull @Nullable DealStage stage) {

	static @Nullable String field(String target) {
		return "salesStage".equals(target) ? "stage" : null;
	}

}
