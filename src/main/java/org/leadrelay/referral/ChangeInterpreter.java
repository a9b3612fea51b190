package org.leadrelay.referral;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralChanges.DealField;
import org.leadrelay.shared.DomainException;

/**
 * Decides which business actions a set of {@link ReferralChanges} means for a referral in
 * its current stage, and applies them in a sensible order.
 */
final class ChangeInterpreter {

	private final ReferralChanges changes;

	private final ReferralProperties properties;

	ChangeInterpreter(ReferralChanges changes, ReferralProperties properties) {
		this.changes = changes;
		this.properties = properties;
	}

	void applyTo(Referral referral, Actor actor, Instant now) {
		Substatus target = this.changes.substatus();
		if (target == null || target == referral.substatus()) {
			if (this.changes.statusReason() != null) {
				throw DomainException.invalid("statusReason",
						"statusReason goes with a change of status to Closed/Declined or Closed/Lost");
			}
			applyEdits(referral, actor, now);
			return;
		}
		switch (target) {
			case Accepted -> {
				requireNoStatusReason(target);
				referral.accept(this.changes.dealDetails(referral), this.changes.newCustomerContacts(), actor, now);
				applyTeam(referral, actor, now, false);
			}
			case Declined -> {
				Set<DealField> allowed = Set.of(DealField.NOTES);
				if (!allowed.containsAll(this.changes.dealFields().keySet()) || hasTeamChanges()) {
					throw DomainException.invalid("substatus",
							"A decline takes a statusReason and optional details/notes, nothing else");
				}
				String reason = this.properties.requireDeclineReason(this.changes.statusReason());
				referral.decline(reason, (String) this.changes.dealFields().get(DealField.NOTES), actor, now);
			}
			case Won -> {
				requireNoStatusReason(target);
				applyEdits(referral, actor, now);
				referral.markWon(actor, now);
			}
			case Lost -> {
				LostReason reason = lostReason(this.changes.statusReason());
				applyEdits(referral, actor, now);
				referral.markLost(reason, actor, now);
			}
			case Expired -> throw DomainException.invalid("substatus",
					"Only LeadRelay expires a referral, when its response window passes");
			case Received -> throw DomainException.conflict("A referral cannot go back to New/Received; it is "
					+ referral.status() + "/" + referral.substatus());
		}
	}

	private void applyEdits(Referral referral, Actor actor, Instant now) {
		if (!this.changes.dealFields().isEmpty()) {
			referral.edit(this.changes.dealDetails(referral), actor, now);
		}
		applyTeam(referral, actor, now, true);
	}

	private void applyTeam(Referral referral, Actor actor, Instant now, boolean withCustomerContacts) {
		if (this.changes.team() != null) {
			referral.replaceTeam(this.changes.team(), actor, now);
		}
		for (TeamMember member : this.changes.newTeamMembers()) {
			referral.addTeamMember(member, actor, now);
		}
		if (withCustomerContacts) {
			for (TeamMember contact : this.changes.newCustomerContacts()) {
				referral.addCustomerContact(contact, actor, now);
			}
		}
	}

	private boolean hasTeamChanges() {
		return this.changes.team() != null || !this.changes.newTeamMembers().isEmpty()
				|| !this.changes.newCustomerContacts().isEmpty();
	}

	private void requireNoStatusReason(Substatus target) {
		if (this.changes.statusReason() != null) {
			throw DomainException.invalid("statusReason",
					"statusReason goes with Declined or Lost, not with " + target);
		}
	}

	private static @Nullable LostReason lostReason(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return Arrays.stream(LostReason.values())
			.filter(reason -> reason.name().equals(code))
			.findFirst()
			.orElseThrow(() -> DomainException.invalid("statusReason", "statusReason '" + code
					+ "' is not a lost reason; use one of " + Arrays.toString(LostReason.values())));
	}

}
