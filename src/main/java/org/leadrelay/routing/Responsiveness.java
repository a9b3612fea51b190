package org.leadrelay.routing;

import java.util.List;

import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Service;

/**
 * Each partner's responsiveness as last computed (see {@link ResponsivenessScore} for the
 * formula); a partner without history in the period is neutral.
 */
@Service
public class Responsiveness {

	private final ResponsivenessRepository scores;

	Responsiveness(ResponsivenessRepository scores) {
		this.scores = scores;
	}

	public ResponsivenessScore of(OrganizationId partner) {
		return this.scores.find(partner).orElseGet(() -> ResponsivenessScore.neutral(partner));
	}

	/** Every partner with history; the others are neutral. */
	public List<ResponsivenessScore> withHistory() {
		return this.scores.findAll();
	}

}
