package org.leadrelay.referral.imports;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.imports.LeadImportReader.ImportRow;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Ids;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CSV imports of a vendor program: a checked file is stored row by row to be worked
 * off in the background ({@link LeadImportWorker}); vendor staff follow their own
 * imports, the vendor admin every import of the program.
 */
@Service
class LeadImports {

	static final int SHOWN_FAILURES = 100;

	private final LeadImportRepository repository;

	private final Clock clock;

	LeadImports(LeadImportRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** Stores a checked file's rows as a new import of the caller's. */
	@Transactional
	UUID start(Caller caller, String fileName, List<ImportRow> rows) {
		UUID id = Ids.newId(this.clock);
		this.repository.insert(id, caller, fileName, rows, this.clock.instant());
		return id;
	}

	/**
	 * One of the imports the caller may follow, with its first failures once finished.
	 */
	@Transactional(readOnly = true)
	Optional<ImportProgress> find(Caller caller, UUID id) {
		return this.repository.find(caller, id)
			.map(progress -> progress.finished() && progress.failed() > 0 ? withFailures(progress) : progress);
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

	private ImportProgress withFailures(ImportProgress progress) {
		return new ImportProgress(progress.id(), progress.fileName(), progress.createdByName(), progress.createdAt(),
				progress.total(), progress.created(), progress.skipped(), progress.failed(), progress.finishedAt(),
				this.repository.failures(progress.id(), SHOWN_FAILURES));
	}

}
