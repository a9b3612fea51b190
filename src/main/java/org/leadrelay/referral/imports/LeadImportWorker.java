package org.leadrelay.referral.imports;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.referral.imports.LeadImportRepository.LockedImport;
import org.leadrelay.referral.imports.LeadImportRepository.PendingRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off stored imports chunk by chunk, each chunk one transaction that holds the
 * import's row locked ({@code FOR UPDATE SKIP LOCKED}): any node may work on any import,
 * never two on the same chunk, and a crash loses only the chunk in flight, which the next
 * run repeats. First the uploaded file's rows are stored ({@link LeadImports#storeRows}),
 * then every row is checked ({@link LeadImportCheck}); any error and the import ends,
 * refused, with nothing imported. Then the rows are sent as the uploader's leads, like
 * leads from the form (timeline, notifications), unless their keys were imported before
 * ({@link LeadImportSender}). The chunk's leads are announced as one event
 * ({@code ReferralsReceived}), so that notices, reminders and webhooks are written per
 * chunk, not per lead.
 */
@Component
class LeadImportWorker {

	static final int CHUNK_SIZE = 200;

	private static final Logger log = LoggerFactory.getLogger(LeadImportWorker.class);

	private final LeadImportSender sender;

	private final LeadImportRepository repository;

	private final LeadImports imports;

	private final LeadImportCheck check;

	private final TransactionTemplate chunks;

	private final TaskExecutor executor;

	private final Clock clock;

	LeadImportWorker(LeadImportSender sender, LeadImportRepository repository, LeadImports imports,
			LeadImportCheck check, PlatformTransactionManager transactions,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
		this.sender = sender;
		this.repository = repository;
		this.imports = imports;
		this.check = check;
		this.chunks = new TransactionTemplate(transactions);
		this.executor = executor;
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
		List<PendingRow> pending = this.repository.pendingRows(id, CHUNK_SIZE);
		this.repository.record(id, this.sender.send(locked.uploader(), pending), this.clock.instant());
		return pending.size() == CHUNK_SIZE;
	}

}
