package org.leadrelay.referral.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.imports.LeadImportRepository.Outcome;
import org.leadrelay.referral.imports.LeadImportRepository.PendingRow;
import org.leadrelay.referral.imports.LeadImportRepository.RowOutcome;
import org.leadrelay.referral.imports.LeadRowBinder.Allowed;
import org.leadrelay.referral.imports.LeadRowBinder.BoundRow;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Sends the rows of a checked chunk as the uploader's leads, unless their keys were
 * imported before. The chunk's valid leads go together
 * ({@link ReferralManagement#sendAll}: one batch of inserts, their keys in one statement)
 * in a savepoint. When that fails, on a key another import took meanwhile or a lead the
 * domain refuses now (say, its location was removed since the upload), the savepoint
 * undoes it and each lead is sent alone in a savepoint of its own, so that such a row
 * fails or is skipped alone, as it would have been had the chunk been sent lead by lead.
 */
@Component
class LeadImportSender {

	private final ReferralManagement management;

	private final ReferralSearch search;

	private final LeadRowBinder binder;

	private final LeadImportRepository repository;

	private final MessageSource messages;

	private final TransactionTemplate savepoints;

	LeadImportSender(ReferralManagement management, ReferralSearch search, LeadRowBinder binder,
			LeadImportRepository repository, MessageSource messages, PlatformTransactionManager transactions) {
		this.management = management;
		this.search = search;
		this.binder = binder;
		this.repository = repository;
		this.messages = messages;
		this.savepoints = new TransactionTemplate(transactions);
		this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Sends the rows' leads in the caller's transaction and announces them as one event
	 * ({@code ReferralsReceived}).
	 * @return each row's outcome
	 */
	List<Outcome> send(Caller uploader, List<PendingRow> pending) {
		Set<String> imported = importedKeys(uploader, pending);
		Allowed allowed = this.binder.allowedFor(uploader, pending);
		List<Outcome> outcomes = new ArrayList<>();
		List<ValidRow> valid = new ArrayList<>();
		for (PendingRow row : pending) {
			if (imported.contains(row.key())) {
				outcomes.add(Outcome.skipped(row));
				continue;
			}
			// rows checked before their forms were kept are bound again
			BoundRow bound = row.form() != null ? this.binder.bound(allowed, row.form())
					: this.binder.bind(allowed, row.cells());
			if (bound.lead() == null) {
				outcomes.add(Outcome.failed(row, firstError(bound)));
			}
			else {
				valid.add(new ValidRow(row, bound.lead()));
			}
		}
		List<ReferralReceived> received = new ArrayList<>();
		outcomes.addAll(sendTogether(uploader, valid, received));
		this.management.publishReceived(received);
		return outcomes;
	}

	/**
	 * Sends the rows' leads together, or, if that fails, each alone; their events join
	 * {@code received} only once they stand.
	 */
	private List<Outcome> sendTogether(Caller caller, List<ValidRow> rows, List<ReferralReceived> received) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<ReferralReceived> ofRows = new ArrayList<>(rows.size());
		try {
			List<Outcome> outcomes = Objects.requireNonNull(this.savepoints.execute(status -> {
				List<Referral> referrals = this.management.sendAll(caller, rows.stream().map(ValidRow::lead).toList(),
						Source.UI, ofRows);
				this.repository.insertKeys(caller.organizationId(),
						rows.stream().map(row -> row.pending().key()).toList(),
						referrals.stream().map(Referral::id).toList());
				List<Outcome> created = new ArrayList<>(rows.size());
				for (int i = 0; i < rows.size(); i++) {
					created.add(created(rows.get(i).pending(), referrals.get(i)));
				}
				return created;
			}));
			received.addAll(ofRows);
			return outcomes;
		}
		catch (DuplicateKeyException | DomainException ex) {
			return rows.stream().map(row -> sendAlone(caller, row, received)).toList();
		}
	}

	/**
	 * Sends the row's lead in a savepoint of its own; its event joins {@code received}
	 * only once the row stands.
	 */
	private Outcome sendAlone(Caller caller, ValidRow row, List<ReferralReceived> received) {
		List<ReferralReceived> ofRow = new ArrayList<>(1);
		try {
			Outcome outcome = Objects.requireNonNull(this.savepoints.execute(status -> {
				Referral referral = this.management.send(caller, row.lead(), Source.UI, ofRow);
				this.repository.insertKeys(caller.organizationId(), List.of(row.pending().key()),
						List.of(referral.id()));
				return created(row.pending(), referral);
			}));
			received.addAll(ofRow);
			return outcome;
		}
		catch (DuplicateKeyException ex) {
			// another import of the same key came first: the savepoint undid this row
			return Outcome.skipped(row.pending());
		}
		catch (DomainException ex) {
			return Outcome.failed(row.pending(), ex.getMessage());
		}
	}

	private static Outcome created(PendingRow row, Referral referral) {
		return new Outcome(row.number(), RowOutcome.CREATED, null, referral.id().value());
	}

	/**
	 * The first reason a row is refused, in English: the log of an import is not
	 * translated.
	 */
	private String firstError(BoundRow bound) {
		ObjectError error = bound.binding().getAllErrors().get(0);
		String message = this.messages.getMessage(error, Locale.ENGLISH);
		return error instanceof FieldError field ? field.getField() + ": " + message : message;
	}

	/**
	 * The keys of the chunk imported before, and those that are the id of one of the
	 * program's leads: an export gives a lead that came from no import its id as its key,
	 * so importing an export never creates its leads twice.
	 */
	private Set<String> importedKeys(Caller uploader, List<PendingRow> pending) {
		Set<String> imported = this.repository.importedKeys(uploader.organizationId(),
				pending.stream().map(PendingRow::key).toList());
		List<ReferralId> ids = pending.stream().map(row -> asId(row.key())).flatMap(Optional::stream).toList();
		this.search.sentBy(uploader, ids).forEach(id -> imported.add(id.toString()));
		return imported;
	}

	/** The key as a lead id, if it is one as the export writes it. */
	private static Optional<ReferralId> asId(String key) {
		try {
			UUID id = UUID.fromString(key);
			return id.toString().equals(key) ? Optional.of(new ReferralId(id)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** A row that binds to a lead that may be sent. */
	private record ValidRow(PendingRow pending, NewReferral lead) {

	}

}
