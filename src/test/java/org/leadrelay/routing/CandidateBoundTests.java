package org.leadrelay.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate's bound (its score without history plus
 * {@link CandidateRepository#HEADROOM}) stays strictly above the best score it can reach,
 * the one with a perfect history, after the score's rounding to three decimals, and at
 * most about one rounding step above it: reading stops only when no candidate further
 * down could tie with the tenth best.
 */
class CandidateBoundTests {

	@Test
	void everyRoundedScoreStaysBelowItsBoundByLessThanAStep() {
		List<Double> tagShares = List.of(0.0, 1 / 3.0, 0.5, 2 / 3.0, 0.75, 1.0);
		int checked = 0;
		for (double tags : tagShares) {
			for (double size : List.of(0.0, 1.0)) {
				for (double country : List.of(0.0, 0.5, 1.0)) {
					// responsiveness as stored (real), in steps that make many unrounded
					// scores end in 5 at the fourth decimal
					for (int step = 0; step <= 30_000; step++) {
						double responsiveness = (float) (step / 30_000.0);
						double best = new Signals(List.of(), tags, size, country, responsiveness, 1).score();
						double bound = 0.40 * tags + 0.10 * size + 0.15 * country + 0.15 * responsiveness
								+ CandidateRepository.HEADROOM;
						assertThat(best).isLessThan(bound);
						assertThat(bound - best).isLessThanOrEqualTo(0.0011);
						checked++;
					}
				}
			}
		}
		assertThat(checked).isEqualTo(6 * 2 * 3 * 30_001);
	}

}
