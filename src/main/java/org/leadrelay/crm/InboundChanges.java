package org.leadrelay.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.SyncLogEntry.Direction;
import org.leadrelay.crm.client.CrmOpportunity;
import org.leadrelay.crm.client.OpportunityField;
import org.leadrelay.crm.client.OpportunityState;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.DealStage;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralChangedException;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a change read from the CRM to its lead through the lead's normal lifecycle (an
 * edit, a co-sell deal's move to another sales stage, mark won, mark lost), acting as the
 * CRM. A change the lifecycle refuses (a won deal reopened, a lost deal won, a new value
 * for an archived lead) is not applied: the lead shows it as a sync error, and the sync
 * log keeps it.
 */
@Component
class InboundChanges {

	/** The values (besides the stages) that come back from the CRM. */
	private static final Set<OpportunityField> VALUES = EnumSet.of(OpportunityField.AMOUNT, OpportunityField.CURRENCY,
			OpportunityField.CLOSE_DATE);

	private final SyncRepository syncs;

	private final ReferralSearch referrals;

	private final ReferralManagement management;

	private final SyncLog syncLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	InboundChanges(SyncRepository syncs, ReferralSearch referrals, ReferralManagement management, SyncLog syncLog,
			TransactionTemplate transactions, Clock clock) {
		this.syncs = syncs;
		this.referrals = referrals;
		this.management = management;
		this.syncLog = syncLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @return false if the lead changed meanwhile and the change should be read again at
	 * the next poll
	 */
	boolean apply(StoredConnection connection, CrmOpportunity opportunity) {
		UUID referralId = referralId(opportunity.state().reference());
		Optional<SyncRow> synced = referralId == null ? Optional.empty() : this.syncs
			.find(connection.organizationId(), referralId)
			.filter(row -> opportunity.id().equals(row.crmRecordId()) && row.crmState() != null)
			// CRMs count whole seconds: a change in the second
			// of the last one read may be new, and one read
			// again finds nothing to apply
			.filter(row -> row.crmModifiedAt() == null || !opportunity.modifiedAt().isBefore(row.crmModifiedAt()));
		if (synced.isEmpty()) {
			return true; // not a lead of this organization's, or a change already read
		}
		try {
			LogText applied = this.transactions.execute(status -> applyToLead(connection, synced.get(), opportunity));
			if (applied != null) {
				this.syncLog.record(connection.id(), Direction.INBOUND, referralId, false, applied);
			}
			return true;
		}
		catch (ReferralChangedException ex) {
			return false;
		}
		catch (DomainException ex) {
			String error = "Not applied from " + connection.kind().displayName() + ": " + ex.getMessage();
			// the lifecycle's own refusals (a sales stage the deal may not move to) come
			// as messages of the bundles, in the reader's language too
			Object reason = ex instanceof Unapplied unapplied ? unapplied.text
					: ex instanceof MessageSourceResolvable refusal ? LogText.of(refusal)
							: String.valueOf(ex.getMessage());
			LogText text = LogText.of("crm.log.notApplied", connection.kind().displayName(), reason);
			this.transactions.executeWithoutResult(status -> {
				SyncRow row = this.syncs.lock(connection.organizationId(), referralId);
				OpportunityState held = row.crmState() == null ? opportunity.state() : row.crmState();
				this.syncs.recordRead(row, InboundPlan.heldAfter(held, opportunity.state()), opportunity.modifiedAt(),
						error, this.clock.instant());
			});
			this.syncLog.record(connection.id(), Direction.INBOUND, referralId, true, text);
			return true;
		}
	}

	/**
	 * @return what was applied, or null if nothing was
	 */
	private @Nullable LogText applyToLead(StoredConnection connection, SyncRow claimed, CrmOpportunity opportunity) {
		SyncRow row = this.syncs.lock(claimed.organizationId(), claimed.referralId());
		ReferralId id = new ReferralId(row.referralId());
		Referral lead = this.referrals.findOwnedBy(row.organizationId(), id).orElseThrow();
		OpportunityState now = Opportunities.read(lead, opportunity.state());
		OpportunityState held = row.crmState() == null ? now : row.crmState();
		InboundPlan plan = InboundPlan.of(held, now, Opportunities.of(lead, connection.mapping()));
		List<LogText> applied = new ArrayList<>();
		Caller crm = connection.asCaller();
		if (plan.toApply().stream().anyMatch(VALUES::contains)) {
			this.management.edit(crm, id, details(lead, plan, now), Source.SYSTEM, null);
			applied.add(LogText.of("crm.log.applied.values"));
		}
		if (plan.toApply().contains(OpportunityField.SALES_STAGE) && now.salesStage() != null) {
			DealStage stage = connection.mapping()
				.stages()
				.dealStage(now.salesStage())
				.orElseThrow(() -> new Unapplied(
						"the opportunity's stage '" + now.salesStage() + "' stands for no sales stage of a deal in "
								+ "the connection's field mapping; add it there, or choose a mapped stage",
						LogText.of("crm.log.notApplied.unmappedStage", now.salesStage())));
			this.management.moveToStage(crm, id, stage, Source.SYSTEM, null);
			applied.add(LogText.of("crm.log.applied.salesStage", LogText.of(stage.messageKey())));
		}
		if (plan.toApply().contains(OpportunityField.STAGE)) {
			switch (now.stage()) {
				case WON -> this.management.markWon(crm, id, Source.SYSTEM, null);
				case LOST -> this.management.markLost(crm, id, null, Source.SYSTEM, null);
				case OPEN -> throw new Unapplied(
						"the opportunity was reopened, but a " + lead.substatus()
								+ " lead stays archived; press Retry to close the opportunity again",
						LogText.of("crm.log.notApplied.reopened", LogText.of("stage." + lead.substatus().name())));
			}
			applied.add(LogText.of("crm.log.applied." + now.stage().name()));
		}
		else if (plan.changed().contains(OpportunityField.STAGE)
				&& Opportunities.stage(lead.substatus()) != now.stage()) {
			throw new Unapplied(
					"the opportunity is " + now.stage().name().toLowerCase(Locale.ROOT) + " there, but the lead is "
							+ lead.substatus() + "; press Retry to send the lead's stage",
					LogText.of("crm.log.notApplied.stageDiffers", LogText.of("crm.log.stage." + now.stage().name()),
							LogText.of("stage." + lead.substatus().name())));
		}
		this.syncs.recordRead(row, plan.held(), opportunity.modifiedAt(), null, this.clock.instant());
		return applied.isEmpty() ? null
				: LogText.of("crm.log.applied", connection.kind().displayName(), LogText.list(applied));
	}

	private static DealDetails details(Referral lead, InboundPlan plan, OpportunityState crm) {
		Money current = lead.dealValue();
		BigDecimal amount = plan.toApply().contains(OpportunityField.AMOUNT) ? crm.amount()
				: current == null ? null : current.amount();
		String currency = plan.toApply().contains(OpportunityField.CURRENCY) ? crm.currency()
				: current == null ? null : current.currency().getCurrencyCode();
		Instant closingAt = plan.toApply().contains(OpportunityField.CLOSE_DATE) && crm.closeDate() != null
				? crm.closeDate().atStartOfDay(ZoneOffset.UTC).toInstant() : lead.closingAt();
		return DealDetails.of(lead.name(), amount == null || currency == null ? null : Money.of(amount, currency),
				closingAt, lead.notes(), lead.externalReferenceId(), lead.campaignId());
	}

	private static @Nullable UUID referralId(@Nullable String reference) {
		try {
			return reference == null ? null : UUID.fromString(reference);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A change from the CRM that the lead cannot take, said in English for the lead's
	 * sync status and as a message key for the sync log.
	 */
	private static final class Unapplied extends DomainException {

		private final LogText text;

		Unapplied(String message, LogText text) {
			super(ErrorCode.CONFLICT, message, null);
			this.text = text;
		}

	}

}
