package org.leadrelay.referral.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leadrelay.referral.Actor;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.OrganizationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every allowed and forbidden transition of a channel conflict, and what each side's
 * timeline is told (never the other partner).
 */
class ChannelConflictTests {

	static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

	static final OrganizationId VENDOR = new OrganizationId(UUID.randomUUID());

	static final Actor ADMIN = new Actor("user:9", "Vera Vendor", Source.UI);

	static final Claim EARLIER = ClaimTests.contoso();

	static final Claim LATER = Claim.of(new ReferralId(UUID.randomUUID()), ClaimTests.FABRIKAM, "Alpine Dairy", "HU",
			List.of(), List.of("Data Lake"), T0.plusSeconds(3600), true);

	static ChannelConflict open() {
		ChannelConflict conflict = ChannelConflict.flag(UUID.randomUUID(), VENDOR, LATER, EARLIER,
				T0.plusSeconds(3600));
		conflict.markPersisted(1);
		return conflict;
	}

	@Test
	void flaggingPutsTheEarlierClaimFirstAndNotesItOnBothDeals() {
		ChannelConflict conflict = ChannelConflict.flag(UUID.randomUUID(), VENDOR, LATER, EARLIER,
				T0.plusSeconds(3600));

		assertThat(conflict.isOpen()).isTrue();
		assertThat(conflict.first().referralId()).isEqualTo(EARLIER.referralId());
		assertThat(conflict.second().referralId()).isEqualTo(LATER.referralId());
		assertThat(conflict.products()).containsExactly("Data Lake");
		assertThat(conflict.pendingNotes()).extracting(DealNote::referralId)
			.containsExactly(EARLIER.referralId(), LATER.referralId());
		assertThat(conflict.pendingNotes()).allSatisfy(note -> {
			assertThat(note.action()).isEqualTo("conflictFlagged");
			assertThat(note.changes()).containsOnlyKeys("channelConflict");
		});
	}

	@Test
	void aPartnerIsNeverInConflictWithItself() {
		Claim again = Claim.of(new ReferralId(UUID.randomUUID()), EARLIER.organizationId(), "Alpine Dairy", "HU",
				List.of(), List.of("Data Lake"), T0, true);

		assertThatThrownBy(() -> ChannelConflict.flag(UUID.randomUUID(), VENDOR, EARLIER, again, T0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void keepingOneDealResolvesItTellingEachSideOnlyWhetherItsDealWasKept() {
		ChannelConflict conflict = open();

		conflict.resolveKeeping(EARLIER.referralId(), "Contoso registered the customer first", ADMIN, T0);

		assertThat(conflict.status()).isEqualTo(ConflictStatus.Resolved);
		assertThat(conflict.keptReferralId()).isEqualTo(EARLIER.referralId());
		assertThat(conflict.reason()).isEqualTo("Contoso registered the customer first");
		assertThat(conflict.decidedByName()).isEqualTo("Vera Vendor");
		assertThat(conflict.pendingNotes()).extracting(note -> note.changes().get("conflictOutcome"))
			.containsExactly(new FieldChange(null, "kept"), new FieldChange(null, "notKept"));
		assertThat(conflict.pendingNotes()).allSatisfy(note -> assertThat(note.changes().values())
			.noneMatch(change -> String.valueOf(change.to()).contains(LATER.referralId().value().toString())));
	}

	@Test
	void keepingADealOutsideTheConflictIsRefused() {
		ChannelConflict conflict = open();

		assertThatThrownBy(() -> conflict.resolveKeeping(new ReferralId(UUID.randomUUID()), "Because", ADMIN, T0))
			.isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
		assertThat(conflict.isOpen()).isTrue();
	}

	@Test
	void dismissingLeavesBothDealsStanding() {
		ChannelConflict conflict = open();

		conflict.dismiss("Different business units", ADMIN, T0);

		assertThat(conflict.status()).isEqualTo(ConflictStatus.Dismissed);
		assertThat(conflict.keptReferralId()).isNull();
		assertThat(conflict.pendingNotes()).hasSize(2)
			.allSatisfy(note -> assertThat(note.action()).isEqualTo("conflictDismissed"));
	}

	@Test
	void everyDecisionNeedsAReason() {
		ChannelConflict conflict = open();

		assertThatThrownBy(() -> conflict.dismiss(" ", ADMIN, T0)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> conflict.resolveKeeping(EARLIER.referralId(), null, ADMIN, T0))
			.isInstanceOf(DomainException.class);
		assertThat(conflict.isOpen()).isTrue();
		assertThat(conflict.pendingNotes()).isEmpty();
	}

	@Test
	void aDecidedConflictIsNotDecidedAgain() {
		ChannelConflict resolved = open();
		resolved.resolveKeeping(EARLIER.referralId(), "First", ADMIN, T0);
		ChannelConflict dismissed = open();
		dismissed.dismiss("No overlap", ADMIN, T0);

		for (ChannelConflict decided : List.of(resolved, dismissed)) {
			assertThatThrownBy(() -> decided.dismiss("Again", ADMIN, T0)).isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT));
			assertThatThrownBy(() -> decided.resolveKeeping(LATER.referralId(), "Again", ADMIN, T0))
				.isInstanceOf(DomainException.class);
		}
	}

}
