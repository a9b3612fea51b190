package org.leadrelay.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names the missing setting at the end of a failed start, where operators look. */
class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSetting> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSetting cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
