package org.leadrelay.referral.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.leadrelay.referral.imports.LeadRowBinder.Allowed;
import org.leadrelay.shared.Caller;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;

/**
 * Reads an uploaded CSV file of leads and checks every row before anything is imported:
 * the file as a whole (UTF-8, well-formed CSV, known columns, not too many rows), then
 * each row as the lead form would, and that no row key comes twice.
 */
@Component
class LeadImportReader {

	/** Enough errors to fix a file by; the rest are only counted. */
	static final int MAX_REPORTED_ERRORS = 500;

	private final LeadRowBinder binder;

	private final MessageSource messages;

	private final int maxRows;

	LeadImportReader(LeadRowBinder binder, MessageSource messages,
			@Value("${leadrelay.imports.max-rows:50000}") int maxRows) {
		this.binder = binder;
		this.messages = messages;
		this.maxRows = maxRows;
	}

	/** The rows of the file, or what is wrong with it, in the reader's language. */
	CheckedFile read(Caller caller, InputStream file, Locale locale) {
		Checks checks = new Checks(locale);
		List<ImportRow> rows = new ArrayList<>();
		Map<String, Integer> keys = new HashMap<>();
		Allowed allowed = this.binder.allowedFor(caller);
		try (CSVParser parser = LeadCsv.FORMAT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
			.get()
			.parse(withoutByteOrderMark(file))) {
			List<String> header = parser.getHeaderNames();
			List<String> unknown = header.stream()
				.filter(name -> !LeadCsv.IMPORTED.contains(name) && !LeadCsv.EXPORT_ONLY.contains(name))
				.toList();
			if (!header.contains(LeadCsv.ROW_KEY) || !unknown.isEmpty()) {
				checks.fileError("leadImport.error.columns", LeadCsv.ROW_KEY, String.join(", ", unknown));
				return checks.result(rows);
			}
			for (CSVRecord record : parser) {
				// the header is row 1, as a spreadsheet numbers them
				int row = Math.toIntExact(record.getRecordNumber() + 1);
				if (row - 1 > this.maxRows) {
					checks.fileError("leadImport.error.tooManyRows", this.maxRows);
					return checks.result(rows);
				}
				if (!record.isConsistent()) {
					checks.rowError(row, "", resolvable("leadImport.error.cellCount", record.size(), header.size()));
					continue;
				}
				Map<String, String> cells = cells(record, header);
				String key = cells.getOrDefault(LeadCsv.ROW_KEY, "");
				if (key.isBlank()) {
					checks.rowError(row, LeadCsv.ROW_KEY, resolvable("leadImport.error.rowKeyMissing"));
				}
				else if (key.length() > LeadCsv.MAX_ROW_KEY) {
					checks.rowError(row, LeadCsv.ROW_KEY, resolvable("Size", null, LeadCsv.MAX_ROW_KEY));
				}
				else if (keys.putIfAbsent(key, row) != null) {
					checks.rowError(row, LeadCsv.ROW_KEY, resolvable("leadImport.error.rowKeyTwice", keys.get(key)));
				}
				this.binder.bind(allowed, cells)
					.binding()
					.getAllErrors()
					.forEach(error -> checks.rowError(row, error instanceof FieldError field ? field.getField() : "",
							error));
				if (checks.valid()) {
					rows.add(new ImportRow(row, key, cells));
				}
			}
			if (rows.isEmpty() && checks.valid()) {
				checks.fileError("leadImport.error.empty");
			}
		}
		catch (UncheckedIOException ex) {
			unreadable(checks, ex.getCause());
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			unreadable(checks, ex);
		}
		return checks.result(rows);
	}

	private static void unreadable(Checks checks, Exception ex) {
		if (ex instanceof CharacterCodingException) {
			checks.fileError("leadImport.error.notUtf8");
		}
		else {
			checks.fileError("leadImport.error.notCsv", ex.getMessage());
		}
	}

	/**
	 * The cells an import reads, by column; blank ones left out, as a form leaves them.
	 */
	private static Map<String, String> cells(CSVRecord record, List<String> header) {
		Map<String, String> cells = new LinkedHashMap<>();
		for (String name : header) {
			String value = LeadCsv.restored(record.get(name));
			if (LeadCsv.IMPORTED.contains(name) && !value.isBlank()) {
				cells.put(name, value);
			}
		}
		return cells;
	}

	/** Text in strict UTF-8 (anything else is refused, not garbled), without a BOM. */
	private static Reader withoutByteOrderMark(InputStream file) throws IOException {
		PushbackReader reader = new PushbackReader(new InputStreamReader(file,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)));
		int first = reader.read();
		if (first != -1 && first != LeadCsv.BYTE_ORDER_MARK) {
			reader.unread(first);
		}
		return reader;
	}

	private static MessageSourceResolvable resolvable(String code, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { code }, arguments);
	}

	/** The errors found so far, with their messages. */
	private final class Checks {

		private final Locale locale;

		private final List<RowError> errors = new ArrayList<>();

		private int count;

		Checks(Locale locale) {
			this.locale = locale;
		}

		void fileError(String code, Object... arguments) {
			rowError(0, "", resolvable(code, arguments));
		}

		void rowError(int row, String column, MessageSourceResolvable message) {
			this.count++;
			if (this.errors.size() < MAX_REPORTED_ERRORS) {
				this.errors
					.add(new RowError(row, column, LeadImportReader.this.messages.getMessage(message, this.locale)));
			}
		}

		boolean valid() {
			return this.count == 0;
		}

		CheckedFile result(List<ImportRow> rows) {
			return new CheckedFile(this.count == 0 ? rows : List.of(), List.copyOf(this.errors), this.count);
		}

	}

	/** A valid row: its number in the file, its key and its cells by column. */
	record ImportRow(int number, String key, Map<String, String> cells) {

	}

	/**
	 * @param row the row in the file (the header is 1), or 0 for the file as a whole
	 * @param column the column at fault, or empty for the row as a whole
	 */
	record RowError(int row, String column, String message) {

	}

	/**
	 * A checked file: its rows when every one is valid, else the first errors and how
	 * many there are in all.
	 */
	record CheckedFile(List<ImportRow> rows, List<RowError> errors, int errorCount) {

		boolean valid() {
			return this.errorCount == 0;
		}

	}

}
