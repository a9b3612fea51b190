package org.leadrelay.referral.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.imports.LeadImportRepository.LockedImport;
import org.leadrelay.referral.imports.LeadImportRepository.Outcome;
import org.leadrelay.referral.imports.LeadImportRepository.PendingRow;
import org.leadrelay.referral.imports.LeadImportRepository.RowOutcome;
import org.leadrelay.referral.imports.LeadRowBinder.Allowed;
import org.leadrelay.referral.imports.LeadRowBinder.BoundRow;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Works off stored imports chunk by chunk, each chunk one transaction that holds the
 * import's row locked ({@code FOR UPDATE SKIP LOCKED}): any node may work on any import,
 * never two on the same chunk, and a crash loses only the chunk in flight, which the next
 * run repeats. First the uploaded file's rows are stored ({@link LeadImports#storeRows}),
 * then every row is checked ({@link LeadImportCheck}); any error and the import ends,
 * refused, with nothing imported. Then each row is sent through
 * {@link ReferralManagement#send} as the uploader, like a lead from the form (timeline,
 * notifications), unless its key was imported before; a row the domain refuses now (say,
 * its location was removed since the upload) fails alone, rolled back to its savepoint.
 * The chunk's leads are announced as one event ({@code ReferralsReceived}), so that
 * notices, reminders and webhooks are written per chunk, not per lead.
 */
@Component
class LeadImportWorker {

	static final int CHUNK_SIZE = 200;

	private static final Logger log = LoggerFactory.getLogger(LeadImportWorker.class);

	private final ReferralManagement management;

	private final ReferralSearch search;

	private final LeadRowBinder binder;

	private final LeadImportRepository repository;

	private final LeadImports imports;

	private final LeadImportCheck check;

	private final TransactionTemplate chunks;

	private final TransactionTemplate rows;

	private final TaskExecutor executor;

	private final MessageSource messages;

	private final Clock clock;

	LeadImportWorker(ReferralManagement management, ReferralSearch search, LeadRowBinder binder,
			LeadImportRepository repository, LeadImports imports, LeadImportCheck check, MessageSource messages,
			PlatformTransactionManager transactions, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			Clock clock) {
		this.management = management;
		this.search = search;
		this.binder = binder;
		this.repository = repository;
		this.imports = imports;
		this.check = check;
		this.chunks = new TransactionTemplate(transactions);
		this.rows = new TransactionTemplate(transactions);
		this.rows.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.executor = executor;
		this.messages = messages;
		this.clock = clock;
	}

	/** Starts working off an import on this node, right after its upload. */
	void startInBackground(UUID id) {
		this.executor.execute(() -> work(id));
	}

	/**
	 * Picks up imports left unfinished, by a node that stopped or by a failure, on every
	 * node: the locks share out the chunks.
	 */
	@Scheduled(fixedDelayString = "${leadrelay.imports.poll-interval:PT1M}",
			initialDelayString = "${leadrelay.imports.poll-interval:PT1M}")
	@ClusteredJob(value = "lead-import-resume", runs = Runs.ON_EVERY_NODE)
	void resumeUnfinished() {
		this.repository.unfinished().forEach(this::work);
	}

	/** Works off the import until it is finished or another node holds it. */
	void work(UUID id) {
		try {
			boolean more;
			do {
				more = Boolean.TRUE.equals(this.chunks.execute(status -> workChunk(id)));
			}
			while (more);
		}
		catch (RuntimeException ex) {
			log.error("Import {} stopped; it is resumed at the next poll", id, ex);
		}
	}

	/**
	 * @return whether rows may be left
	 */
	private boolean workChunk(UUID id) {
		LockedImport locked = this.repository.lockUnfinished(id).orElse(null);
		if (locked == null) {
			return false;
		}
		if (!locked.rowsStored()) {
			this.imports.storeRows(locked);
			return true;
		}
		if (!locked.checked()) {
			return this.check.checkChunk(locked);
		}
		Caller uploader = locked.uploader();
		List<PendingRow> pending = this.repository.pendingRows(id, CHUNK_SIZE);
		Set<String> imported = importedKeys(uploader, pending);
		Allowed allowed = this.binder.allowedFor(uploader, pending);
		List<Outcome> outcomes = new ArrayList<>();
		List<ReferralReceived> received = new ArrayList<>();
		for (PendingRow row : pending) {
			outcomes.add(imported.contains(row.key()) ? Outcome.skipped(row) : send(uploader, allowed, row, received));
		}
		this.management.publishReceived(received);
		this.repository.record(id, outcomes, this.clock.instant());
		return pending.size() == CHUNK_SIZE;
	}

	/**
	 * Sends the row's lead in a savepoint of its own; its event joins the chunk's
	 * {@code received} only once the row stands.
	 */
	private Outcome send(Caller caller, Allowed allowed, PendingRow row, List<ReferralReceived> received) {
		List<ReferralReceived> ofRow = new ArrayList<>(1);
		try {
			Outcome outcome = Objects.requireNonNull(this.rows.execute(status -> {
				// rows checked before their forms were kept are bound again
				BoundRow bound = row.form() != null ? this.binder.bound(allowed, row.form())
						: this.binder.bind(allowed, row.cells());
				if (bound.lead() == null) {
					return Outcome.failed(row, firstError(bound));
				}
				Referral referral = this.management.send(caller, bound.lead(), Source.UI, ofRow);
				this.repository.insertKey(caller.organizationId(), row.key(), referral.id());
				return new Outcome(row.number(), RowOutcome.CREATED, null, referral.id().value());
			}));
			received.addAll(ofRow);
			return outcome;
		}
		catch (DuplicateKeyException ex) {
			// another import of the same key came first: the savepoint undid this row
			return Outcome.skipped(row);
		}
		catch (DomainException ex) {
			return Outcome.failed(row, ex.getMessage());
		}
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

}
