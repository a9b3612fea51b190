package org.leadrelay.referral.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where an import stands: first its rows are checked, then, when all are valid, worked
 * off, each with an outcome; with any error it ends after the check, refused.
 *
 * @param checked rows checked so far
 * @param errorCount errors the check found (see {@code errors})
 * @param checkedAt when the check ended, or null while it runs
 * @param created rows that became new leads
 * @param skipped rows whose key was imported before (by this or an earlier import)
 * @param failed rows the lead could not be sent for (see {@code failures})
 * @param errors the first errors, once refused
 * @param failures the first failed rows, once finished
 */
record ImportProgress(UUID id, String fileName, String createdByName, Instant createdAt, int total, int checked,
		int errorCount, @Nullable Instant checkedAt, int created, int skipped, int failed, @Nullable Instant finishedAt,
		List<RowError> errors, List<FailedRow> failures) {

	public int processed() {
		return this.created + this.skipped + this.failed;
	}

	public int percent() {
		return percentOf(processed());
	}

	public int checkedPercent() {
		return percentOf(this.checked);
	}

	/** Whether its rows are still being checked. */
	public boolean checking() {
		return this.checkedAt == null;
	}

	/** Whether the check found errors, so that nothing was imported. */
	public boolean refused() {
		return this.errorCount > 0 && finished();
	}

	public boolean finished() {
		return this.finishedAt != null;
	}

	private int percentOf(int rows) {
		return this.total == 0 ? 100 : (int) (100L * rows / this.total);
	}

	record FailedRow(int row, String rowKey, String message) {

	}

}
