package org.leadrelay.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.leadrelay.crm.client.CrmCallException;
import org.leadrelay.crm.client.CrmClient;
import org.leadrelay.crm.client.CrmOpportunity;
import org.leadrelay.crm.client.OpportunityField;
import org.leadrelay.crm.client.OpportunityState;
import org.leadrelay.crm.client.Stage;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;

import org.springframework.stereotype.Component;

/**
 * Makes a lead's opportunity in the CRM say what the lead says, sending only what the CRM
 * does not hold yet: so a change that came from the CRM is not sent back to it.
 * <p>
 * Which opportunity: the one the lead's CRM ID names (it must exist; a partner may enter
 * it), else the one whose reference field holds the lead's LeadRelay id, else a new one.
 * Looking for the reference before creating is what keeps a retry after a timeout or a
 * crash from creating a second opportunity: the first may have been created although its
 * answer never arrived.
 */
@Component
class OpportunityPush {

	private final ReferralManagement management;

	private final SyncRepository syncs;

	OpportunityPush(ReferralManagement management, SyncRepository syncs) {
		this.management = management;
		this.syncs = syncs;
	}

	Pushed push(CrmClient crm, CrmKind kind, FieldMapping mapping, Referral lead, SyncRow row) {
		OpportunityState wanted = Opportunities.of(lead, mapping);
		Target target = target(crm, kind, lead, row, wanted);
		if (!target.id().equals(lead.externalReferenceId())) {
			this.management.linkCrmRecord(lead.organizationId(), lead.id(), target.id(), kind.displayName());
		}
		Set<OpportunityField> pushed = wanted.differingFrom(target.known());
		try {
			crm.updateOpportunity(target.id(), wanted, pushed);
		}
		catch (CrmCallException ex) {
			throw ex.notFound() ? notFound(kind, target.id(), ex) : ex;
		}
		if (wanted.stage() != target.known().stage()) {
			if (target.known().stage() != Stage.OPEN) {
				throw CrmCallException.permanent("Opportunity " + target.id() + " is closed as "
						+ name(target.known().stage()) + " in " + kind.displayName() + ", and the lead is "
						+ lead.substatus() + ": LeadRelay does not reopen or re-close opportunities; change it in "
						+ kind.displayName() + ", then press Retry");
			}
			crm.closeOpportunity(target.id(), wanted.stage());
			pushed.add(OpportunityField.STAGE);
		}
		return new Pushed(target.id(), target.known(), wanted, pushed, summary(target, pushed, wanted));
	}

	private Target target(CrmClient crm, CrmKind kind, Referral lead, SyncRow row, OpportunityState wanted) {
		String linked = lead.externalReferenceId();
		if (linked != null) {
			if (!crm.isRecordId(linked)) {
				throw CrmCallException.permanent("The lead's CRM ID '" + linked + "' is not a " + kind.displayName()
						+ " opportunity id: correct it, or clear it to let LeadRelay create the opportunity");
			}
			if (linked.equals(row.crmRecordId()) && row.crmState() != null) {
				return new Target(linked, row.crmState(), Origin.LINKED);
			}
			return new Target(linked, read(crm, kind, linked), Origin.CHOSEN);
		}
		Optional<String> found = crm.findOpportunity(lead.id().toString());
		if (found.isPresent()) {
			return new Target(found.get(), read(crm, kind, found.get()), Origin.FOUND);
		}
		OpportunityState opened = wanted.withStage(Stage.OPEN);
		String created = crm.createOpportunity(opened, Opportunities.account(lead));
		this.syncs.recordCreated(row, created, opened);
		return new Target(created, opened, Origin.CREATED);
	}

	private static OpportunityState read(CrmClient crm, CrmKind kind, String id) {
		return crm.readOpportunity(id).map(CrmOpportunity::state).orElseThrow(() -> notFound(kind, id, null));
	}

	private static @Nullable LogText summary(Target target, Set<OpportunityField> pushed, OpportunityState wanted) {
		List<LogText> done = new ArrayList<>();
		if (target.origin() != Origin.LINKED) {
			done.add(LogText.of("crm.log.pushed." + target.origin().name(), target.id()));
		}
		List<LogText> updated = pushed.stream()
			.filter(field -> field != OpportunityField.STAGE)
			.sorted()
			.map(field -> LogText.of("crm.log.field." + field.name()))
			.toList();
		if (!updated.isEmpty()) {
			done.add(LogText.of(first("crm.log.pushed.updated", done), LogText.list(updated)));
		}
		if (pushed.contains(OpportunityField.STAGE)) {
			done.add(LogText.of(first("crm.log.pushed.closed", done),
					LogText.of("crm.log.stage." + wanted.stage().name())));
		}
		return done.isEmpty() ? null : LogText.steps(done);
	}

	/** The sentence's key: the first thing done starts with a capital letter. */
	private static String first(String key, List<LogText> before) {
		return before.isEmpty() ? key + ".first" : key;
	}

	private static CrmCallException notFound(CrmKind kind, String id, @Nullable CrmCallException cause) {
		return CrmCallException.permanent("The lead's CRM ID " + id + " names no opportunity in " + kind.displayName()
				+ " (deleted there, or an id from another system): correct the CRM ID, or clear it to let "
				+ "LeadRelay create the opportunity, then press Retry"
				+ (cause == null ? "" : " (" + cause.getMessage() + ")"));
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/** The opportunity to push to, what it holds, and how the push found it. */
	private record Target(String id, OpportunityState known, Origin origin) {
	}

	/**
	 * Linked already, chosen by the partner (the CRM ID they entered), found by its
	 * reference, or created now.
	 */
	private enum Origin {

		LINKED, CHOSEN, FOUND, CREATED

	}

	/**
	 * A push that succeeded.
	 *
	 * @param known what the opportunity held before
	 * @param pushed the fields written (and the stage, if it was closed)
	 * @param summary what was done, for the sync log; null if nothing needed doing
	 */
	record Pushed(String crmRecordId, OpportunityState known, OpportunityState wanted, Set<OpportunityField> pushed,
			@Nullable LogText summary) {
	}

}
