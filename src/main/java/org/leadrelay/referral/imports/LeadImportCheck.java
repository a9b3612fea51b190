package org.leadrelay.referral.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.imports.LeadImportRepository.LockedImport;
import org.leadrelay.referral.imports.LeadImportRepository.PendingRow;
import org.leadrelay.referral.imports.LeadRowBinder.Allowed;
import org.leadrelay.referral.imports.LeadRowBinder.BoundRow;
import org.leadrelay.referral.web.NewLeadForm;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;

/**
 * Checks an uploaded import's rows, a chunk at a time, before any is imported: each row
 * exactly as the lead form checks a lead ({@link LeadRowBinder}), its key present, short
 * enough and not that of an earlier row. The messages are in the uploader's language; the
 * first {@value #MAX_REPORTED_ERRORS} are kept, the rest only counted. A valid row keeps
 * the form it was bound to, so that its import need not bind it again (binding is most of
 * a row's cost).
 */
@Component
class LeadImportCheck {

	/** Enough errors to fix a file by; the rest are only counted. */
	static final int MAX_REPORTED_ERRORS = 500;

	static final int CHUNK_SIZE = 1000;

	private final LeadRowBinder binder;

	private final LeadImportRepository repository;

	private final MessageSource messages;

	private final Clock clock;

	LeadImportCheck(LeadRowBinder binder, LeadImportRepository repository, MessageSource messages, Clock clock) {
		this.binder = binder;
		this.repository = repository;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Checks the next chunk of the import's rows, in the transaction that holds it.
	 * @return whether the check goes on or the import may begin
	 */
	boolean checkChunk(LockedImport locked) {
		// rows are numbered on from 2, the header being row 1
		int first = locked.checkedRows() + 2;
		List<PendingRow> rows = this.repository.rowsFrom(locked.id(), first, CHUNK_SIZE);
		Map<Integer, Integer> earlier = this.repository.earlierRowsWithTheSameKey(locked.id(), first,
				first + CHUNK_SIZE - 1);
		Allowed allowed = this.binder.allowedFor(locked.uploader(), rows);
		Errors errors = new Errors(locked.locale(), MAX_REPORTED_ERRORS - locked.errorCount());
		Map<Integer, NewLeadForm> forms = new HashMap<>();
		for (PendingRow row : rows) {
			NewLeadForm form = check(row, locked.columnCount(), earlier, allowed, errors);
			if (form != null) {
				forms.put(row.number(), form);
			}
		}
		if (locked.errorCount() + errors.count == 0) {
			this.repository.storeForms(locked.id(), forms);
		}
		boolean done = rows.size() < CHUNK_SIZE || locked.checkedRows() + rows.size() >= locked.totalRows();
		this.repository.recordCheck(locked.id(), rows.size(), errors.kept, errors.count,
				done ? this.clock.instant() : null);
		return !done || locked.errorCount() + errors.count == 0;
	}

	/**
	 * @return the form the row was bound to, unless its cells do not make one
	 */
	private @Nullable NewLeadForm check(PendingRow row, int columns, Map<Integer, Integer> earlier, Allowed allowed,
			Errors errors) {
		if (row.cellCount() != null) {
			errors.add(row.number(), "", resolvable("leadImport.error.cellCount", row.cellCount(), columns));
			return null;
		}
		String key = row.cells().getOrDefault(LeadCsv.ROW_KEY, "");
		if (key.isBlank()) {
			errors.add(row.number(), LeadCsv.ROW_KEY, resolvable("leadImport.error.rowKeyMissing"));
		}
		else if (key.length() > LeadCsv.MAX_ROW_KEY) {
			errors.add(row.number(), LeadCsv.ROW_KEY, resolvable("Size", null, LeadCsv.MAX_ROW_KEY));
		}
		else if (earlier.containsKey(row.number())) {
			errors.add(row.number(), LeadCsv.ROW_KEY,
					resolvable("leadImport.error.rowKeyTwice", earlier.get(row.number())));
		}
		BoundRow bound = this.binder.bind(allowed, row.cells());
		bound.binding()
			.getAllErrors()
			.forEach(error -> errors.add(row.number(), error instanceof FieldError field ? field.getField() : "",
					error));
		return bound.form();
	}

	private static MessageSourceResolvable resolvable(String code, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { code }, arguments);
	}

	/** The errors of a chunk: the first ones with their messages, all counted. */
	private final class Errors {

		private final Locale locale;

		private final int room;

		private final List<RowError> kept = new ArrayList<>();

		private int count;

		Errors(Locale locale, int room) {
			this.locale = locale;
			this.room = room;
		}

		void add(int row, String column, MessageSourceResolvable message) {
			this.count++;
			if (this.kept.size() < this.room) {
				this.kept
					.add(new RowError(row, column, LeadImportCheck.this.messages.getMessage(message, this.locale)));
			}
		}

	}

}
