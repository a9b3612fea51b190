package org.leadrelay.referral.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.web.NewLeadForm;

/**
 * The CSV form of leads, shared by export and import so that an exported file imports as
 * it is: RFC 4180 (comma, double quotes doubled inside quoted cells, CRLF line ends), a
 * header row, UTF-8. Each lead column is named as the field of the vendor's lead form it
 * fills ({@link NewLeadForm}), and holds what that form field takes.
 */
final class LeadCsv {

	/** The export starts with a byte order mark, so Excel reads the file as UTF-8. */
	static final char BYTE_ORDER_MARK = '\uFEFF';

	static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setQuoteMode(QuoteMode.MINIMAL)
		.setIgnoreSurroundingSpaces(false)
		.get();

	/** The importer's own key of a row; the same key is imported once per program. */
	static final String ROW_KEY = "rowKey";

	/** The column of the lead's partner location, the lead form's field. */
	static final String LOCATION = "location";

	static final int MAX_ROW_KEY = 100;

	/** Columns the export adds for reading; the import ignores them. */
	static final List<String> EXPORT_ONLY = List.of("id", "stage", "createdAt", "expiresAt");

	static final List<Column> LEAD_COLUMNS = List.of(new Column(LOCATION, NewLeadForm::location),
			new Column("qualification", NewLeadForm::qualification), new Column("dealName", NewLeadForm::dealName),
			new Column("customerName", NewLeadForm::customerName), new Column("country", NewLeadForm::country),
			new Column("city", NewLeadForm::city), new Column("size", NewLeadForm::size),
			new Column("contact.firstName", form -> form.contact().firstName()),
			new Column("contact.lastName", form -> form.contact().lastName()),
			new Column("contact.phone", form -> form.contact().phone()),
			new Column("contact.email", form -> form.contact().email()),
			new Column("industries", NewLeadForm::industries), new Column("products", NewLeadForm::products),
			new Column("services", NewLeadForm::services), new Column("notes", NewLeadForm::notes),
			new Column("value", NewLeadForm::value), new Column("currency", NewLeadForm::currency),
			new Column("purchaseDate", NewLeadForm::purchaseDate),
			new Column("contactRequested", NewLeadForm::contactRequested),
			new Column("consentToContact", NewLeadForm::consentToContact),
			new Column("consentToShare", NewLeadForm::consentToShare),
			new Column("inviteNotes", NewLeadForm::inviteNotes));

	/** The columns an import reads. */
	static final Set<String> IMPORTED = importedColumns();

	/**
	 * What spreadsheets take for the start of a formula (or, tab and carriage return, for
	 * a cell break that hides one); see OWASP's "CSV Injection".
	 */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private LeadCsv() {
	}

	/**
	 * A cell that a spreadsheet shows as text, never runs: one that could start a formula
	 * gets a leading apostrophe.
	 */
	static String neutralised(String cell) {
		return startsFormula(cell, 0) ? "'" + cell : cell;
	}

	/** The value of a cell the export neutralised: without that apostrophe. */
	static String restored(String cell) {
		return cell.startsWith("'") && startsFormula(cell, 1) ? cell.substring(1) : cell;
	}

	private static boolean startsFormula(String cell, int index) {
		return cell.length() > index && FORMULA_STARTS.indexOf(cell.charAt(index)) >= 0;
	}

	/** A value as the cell shows it: amounts plainly, everything else as its text. */
	static String text(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		return value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
	}

	private static Set<String> importedColumns() {
		return Stream.concat(Stream.of(ROW_KEY), LEAD_COLUMNS.stream().map(Column::name))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * @param name the header, also the form field's binding path
	 */
	record Column(String name, Function<NewLeadForm, @Nullable Object> value) {

	}

}
