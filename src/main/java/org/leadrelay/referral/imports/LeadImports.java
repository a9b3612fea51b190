package org.leadrelay.referral.imports;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.imports.LeadImportReader.ReadFile;
import org.leadrelay.referral.imports.LeadImportReader.UploadedRow;
import org.leadrelay.referral.imports.LeadImportRepository.LockedImport;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Ids;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CSV imports of a vendor program: an uploaded file is stored, then its rows are
 * stored, checked and worked off in the background ({@link LeadImportWorker}); vendor
 * staff follow their own imports, the vendor admin every import of the program.
 */
@Service
class LeadImports {

	static final int SHOWN_FAILURES = 100;

	/** Rows of a file stored with one statement. */
	static final int ROWS_PER_INSERT = 2000;

	private final LeadImportReader reader;

	private final LeadImportRepository repository;

	private final TransactionTemplate uploads;

	private final Clock clock;

	LeadImports(LeadImportReader reader, LeadImportRepository repository, PlatformTransactionManager transactions,
			Clock clock) {
		this.reader = reader;
		this.repository = repository;
		this.uploads = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Stores an uploaded file as a new import of the caller's, its rows to be stored,
	 * checked and worked off in the background, unless the file as a whole is wrong: then
	 * nothing is stored. Reading the file costs little; storing its rows one by one is
	 * what took seconds, so that waits for {@link #storeRows}.
	 */
	Upload upload(Caller caller, String fileName, byte[] file, Locale locale) {
		ReadFile read = this.reader.check(new ByteArrayInputStream(file), locale);
		if (read.error() != null) {
			return new Upload(null, read.error());
		}
		return Objects.requireNonNull(this.uploads.execute(status -> {
			UUID id = Ids.newId(this.clock);
			this.repository.insert(id, caller, fileName, locale, this.clock.instant());
			this.repository.uploaded(id, file, read.rows(), read.columns());
			return new Upload(id, null);
		}));
	}

	/**
	 * Stores the rows of a locked import's file a batch at a time, in the transaction
	 * that holds it, and lets the file go. The file was read whole on upload, so it reads
	 * again.
	 */
	void storeRows(LockedImport locked) {
		List<UploadedRow> batch = new ArrayList<>(ROWS_PER_INSERT);
		ReadFile read = this.reader.read(new ByteArrayInputStream(this.repository.file(locked.id())), locked.locale(),
				row -> {
					batch.add(row);
					if (batch.size() == ROWS_PER_INSERT) {
						this.repository.insertRows(locked.id(), batch);
						batch.clear();
					}
				});
		if (read.error() != null) {
			throw new IllegalStateException("Import " + locked.id() + ": its file, read on upload, is unreadable now: "
					+ read.error().message());
		}
		this.repository.insertRows(locked.id(), batch);
		this.repository.rowsStored(locked.id());
	}

	/**
	 * One of the imports the caller may follow, with its first errors once refused or its
	 * first failures once finished.
	 */
	@Transactional(readOnly = true)
	Optional<ImportProgress> find(Caller caller, UUID id) {
		return this.repository.find(caller, id).map(this::withProblems);
	}

	/** The caller's latest imports, newest first. */
	@Transactional(readOnly = true)
	List<ImportProgress> recent(Caller caller, int limit) {
		return this.repository.recent(caller, limit);
	}

	/** The row keys of those of the leads that came from an import. */
	Map<ReferralId, String> rowKeys(List<Referral> referrals) {
		Map<ReferralId, String> keys = new HashMap<>();
		referrals.stream()
			.collect(Collectors.groupingBy(Referral::vendorOrganizationId,
					Collectors.mapping(referral -> referral.id().value(), Collectors.toList())))
			.forEach((vendor, ids) -> keys.putAll(this.repository.rowKeys(vendor, ids)));
		return keys;
	}

	private ImportProgress withProblems(ImportProgress progress) {
		if (!progress.finished() || progress.errorCount() + progress.failed() == 0) {
			return progress;
		}
		return new ImportProgress(progress.id(), progress.fileName(), progress.createdByName(), progress.createdAt(),
				progress.total(), progress.checked(), progress.errorCount(), progress.checkedAt(), progress.created(),
				progress.skipped(), progress.failed(), progress.finishedAt(),
				this.repository.errors(progress.id(), LeadImportCheck.MAX_REPORTED_ERRORS),
				this.repository.failures(progress.id(), SHOWN_FAILURES));
	}

	/**
	 * An upload: the new import, or what is wrong with the file as a whole.
	 */
	record Upload(@Nullable UUID id, @Nullable RowError error) {

	}

}
