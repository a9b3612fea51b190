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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded CSV file of leads row by row, checking only the file as a whole:
 * UTF-8, well-formed CSV, known columns, not too many rows and not none. These checks
 * cost little; each row's own check ({@link LeadImportCheck}) runs in the background.
 */
@Component
class LeadImportReader {

	private final MessageSource messages;

	private final int maxRows;

	LeadImportReader(MessageSource messages, @Value("${leadrelay.imports.max-rows:50000}") int maxRows) {
		this.messages = messages;
		this.maxRows = maxRows;
	}

	/**
	 * Hands the file's rows to {@code rows} in order, as it reads them.
	 * @return how many rows and columns the file has, or what is wrong with it as a
	 * whole, in the reader's language (then some rows may have been handed on already)
	 */
	ReadFile read(InputStream file, Locale locale, Consumer<UploadedRow> rows) {
		return read(file, locale, Optional.of(rows));
	}

	/**
	 * Checks the file as a whole only, as {@link #read} does, without making its rows.
	 */
	ReadFile check(InputStream file, Locale locale) {
		return read(file, locale, Optional.empty());
	}

	private ReadFile read(InputStream file, Locale locale, Optional<Consumer<UploadedRow>> rows) {
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
				return refused(locale, "leadImport.error.columns", LeadCsv.ROW_KEY, String.join(", ", unknown));
			}
			int count = 0;
			for (CSVRecord record : parser) {
				if (++count > this.maxRows) {
					return refused(locale, "leadImport.error.tooManyRows", this.maxRows);
				}
				// the header is row 1, as a spreadsheet numbers them
				int number = count + 1;
				rows.ifPresent(each -> each.accept(
						new UploadedRow(number, cells(record, header), record.isConsistent() ? null : record.size())));
			}
			return count == 0 ? refused(locale, "leadImport.error.empty") : new ReadFile(count, header.size(), null);
		}
		catch (UncheckedIOException ex) {
			return unreadable(locale, ex.getCause());
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			return unreadable(locale, ex);
		}
	}

	private ReadFile unreadable(Locale locale, Exception ex) {
		return (ex instanceof CharacterCodingException) ? refused(locale, "leadImport.error.notUtf8")
				: refused(locale, "leadImport.error.notCsv", ex.getMessage());
	}

	private ReadFile refused(Locale locale, String code, @Nullable Object... arguments) {
		return new ReadFile(0, 0, new RowError(0, "", this.messages.getMessage(code, arguments, locale)));
	}

	/**
	 * The cells an import reads, by column; blank ones left out, as a form leaves them. A
	 * row with fewer cells than the header has only those.
	 */
	private static Map<String, String> cells(CSVRecord record, List<String> header) {
		Map<String, String> cells = new LinkedHashMap<>();
		for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
			String name = header.get(i);
			String value = LeadCsv.restored(record.get(i));
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

	/**
	 * A row as uploaded, not yet checked.
	 *
	 * @param number its number in the file (the header is 1)
	 * @param cells its cells by column, blank ones left out
	 * @param cellCount how many cells it has when that is not the header's number
	 */
	record UploadedRow(int number, Map<String, String> cells, @Nullable Integer cellCount) {

		String key() {
			return this.cells.getOrDefault(LeadCsv.ROW_KEY, "");
		}

	}

	/**
	 * @param error what is wrong with the file as a whole, or null when its rows were all
	 * read
	 */
	record ReadFile(int rows, int columns, @Nullable RowError error) {

	}

}
