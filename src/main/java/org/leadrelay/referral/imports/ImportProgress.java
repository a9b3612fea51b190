package org.leadrelay.referral.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where an import stands: how many of its rows were worked off, with what outcome.
 *
 * @param created rows that became new leads
 * @param skipped rows whose key was imported before (by this or an earlier import)
 * @param failed rows the lead could not be sent for (see {@code failures})
 * @param failures the first failed rows, once finished
 */
record ImportProgress(UUID id, String fileName, String createdByName, Instant createdAt, int total, int created,
		int skipped, int failed, @Nullable Instant finishedAt, List<FailedRow> failures) {

	public int processed() {
		return this.created + this.skipped + this.failed;
	}

	public int percent() {
		return this.total == 0 ? 100 : (int) (100L * processed() / this.total);
	}

	public boolean finished() {
		return this.finishedAt != null;
	}

	record FailedRow(int row, String rowKey, String message) {

	}

}
