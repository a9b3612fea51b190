package org.leadrelay.referral.registration;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendor's list is paged as the shared pager expects. */
class RegistrationPageTests {

	@Test
	void pagesCountFromZeroAndKnowTheirNeighbours() {
		RegistrationViews.Page first = new RegistrationViews.Page(List.of(), 0, 20, 41);
		RegistrationViews.Page last = new RegistrationViews.Page(List.of(), 2, 20, 41);
		RegistrationViews.Page empty = new RegistrationViews.Page(List.of(), 0, 20, 0);

		assertThat(first.totalPages()).isEqualTo(3);
		assertThat(first.hasPrevious()).isFalse();
		assertThat(first.hasNext()).isTrue();
		assertThat(last.hasPrevious()).isTrue();
		assertThat(last.hasNext()).isFalse();
		assertThat(empty.totalPages()).isZero();
		assertThat(empty.hasNext()).isFalse();
	}

}
