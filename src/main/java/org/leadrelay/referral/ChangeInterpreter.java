package org.leadrelay.referral;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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

	/**
	 * Names the first field that the referral's stage (and the stage asked for) does not
	 * let change. A full replacement states every field, so it is told which one to leave
	 * as it was; a JSON Patch asks for an action and is told when the action is refused.
	 */
	void requireChangeable(Referral referral) {
		Substatus target = target(referral);
		Set<DealField> allowed = allowedDealFields(referral.substatus(), target);
		for (DealField field : this.changes.dealFields().keySet()) {
			if (!allowed.contains(field)) {
				throw unchangeable(referral, target, field.apiName());
			}
		}
		boolean working = allowed.contains(DealField.NAME);
		if (!working && (this.changes.team() != null || !this.changes.newTeamMembers().isEmpty())) {
			throw unchangeable(referral, target, "team");
		}
		if (!working && !this.changes.newCustomerContacts().isEmpty()) {
			throw unchangeable(referral, target, "customerProfile/team");
		}
		ReferralAttributes attributes = this.changes.attributes();
		if (attributes != null && referral.isArchived()) {
			List<String> changed = attributes.differencesFrom(referral.attributes());
			if (!changed.isEmpty()) {
				throw unchangeable(referral, target, changed.get(0));
			}
		}
	}

	void applyTo(Referral referral, Actor actor, Instant now) {
		ReferralAttributes attributes = this.changes.attributes();
		SalesStage salesStage = null;
		if (attributes != null && referral.engagement().isCoSell()) {
			salesStage = attributes.salesStage();
			attributes = applySharing(referral, attributes, actor, now);
		}
		if (attributes != null) {
			referral.updateAttributes(attributes, actor, now);
		}
		applyStatus(referral, actor, now);
		// after the status: an invitation accepted in the same request has stages then
		if (salesStage != null) {
			referral.moveTo(salesStage, actor, now);
		}
	}

	/**
	 * A deal's sales stage and its sharing with the vendor are transitions, not
	 * attributes: shares the deal when asked, and answers the attributes left to replace.
	 */
	private static ReferralAttributes applySharing(Referral referral, ReferralAttributes attributes, Actor actor,
			Instant now) {
		Boolean shared = referral.attributes().consentToShareReferralWithMicrosoftSellers();
		Boolean asked = attributes.consentToShareReferralWithMicrosoftSellers();
		if (Boolean.TRUE.equals(asked) && !Boolean.TRUE.equals(shared)) {
			referral.shareWithVendor(actor, now);
		}
		else if (Boolean.FALSE.equals(asked) && Boolean.TRUE.equals(shared)) {
			throw DomainException.invalid(ReferralAttributes.CONSENT_TO_SHARE,
					"A deal shared with the vendor stays shared");
		}
		return attributes.withSalesStage(referral.attributes().salesStage())
			.withConsentToShareWithVendor(referral.attributes().consentToShareReferralWithMicrosoftSellers());
	}

	private void applyStatus(Referral referral, Actor actor, Instant now) {
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
				Set<DealField> allowed = allowedDealFields(Substatus.Received, Substatus.Declined);
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

	/**
	 * The deal fields a referral lets change on its way from one stage to another (null:
	 * staying): all while it is worked or being accepted, the notes of a decline.
	 */
	private static Set<DealField> allowedDealFields(Substatus current, @Nullable Substatus target) {
		if (current == Substatus.Accepted && (target == null || target == Substatus.Won || target == Substatus.Lost)
				|| current == Substatus.Received && target == Substatus.Accepted) {
			return EnumSet.allOf(DealField.class);
		}
		if (current == Substatus.Received && target == Substatus.Declined) {
			return Set.of(DealField.NOTES);
		}
		return Set.of();
	}

	private @Nullable Substatus target(Referral referral) {
		Substatus target = this.changes.substatus();
		return target == referral.substatus() ? null : target;
	}

	private static DomainException unchangeable(Referral referral, @Nullable Substatus target, String field) {
		return DomainException.invalid(field, field + " cannot change while the referral is " + referral.status() + "/"
				+ referral.substatus() + (target == null ? "" : " on its way to " + target));
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
