package org.leadrelay.referral.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.imports.ImportProgress.FailedRow;
import org.leadrelay.referral.imports.LeadImportReader.UploadedRow;
import org.leadrelay.referral.web.NewLeadForm;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the imports ({@code lead_import}), their rows with each row's outcome
 * ({@code lead_import_row}), the first errors of a refused one
 * ({@code lead_import_error}) and the keys imported per vendor program
 * ({@code lead_import_key}). Every read of an import is scoped to the caller's program.
 */
@Repository
class LeadImportRepository {

	private static final String PROGRESS = "select id, file_name, created_by_name, created_at, total_rows, "
			+ "checked_rows, error_count, checked_at, created_count, skipped_count, failed_count, finished_at "
			+ "from lead_import i";

	private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	LeadImportRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	/** A new import by the caller, its rows to follow. */
	void insert(UUID id, Caller caller, String fileName, Locale locale, Instant createdAt) {
		this.jdbc.sql(
				"insert into lead_import (id, vendor_organization_id, caller_kind, created_by, created_by_name, roles, "
						+ "file_name, locale, total_rows, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
			.params(id, caller.organizationId().value(), caller.kind().name(), caller.principalId(),
					caller.displayName(), caller.roles().stream().map(Role::name).collect(Collectors.joining(",")),
					fileName, locale.toLanguageTag(), SqlValues.timestamp(createdAt))
			.update();
	}

	/**
	 * Adds uploaded rows to an import, in one statement. A key that cannot be one (blank,
	 * too long) is stored blank: the check refuses its row.
	 */
	void insertRows(UUID id, List<UploadedRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into lead_import_row (import_id, row_number, row_key, cells, cell_count)
				select ?, r.number, r.key, cast(r.cells as jsonb), r.cell_count
				from unnest(?::int[], ?::text[], ?::text[], ?::int[]) as r (number, key, cells, cell_count)""")
			.params(id, rows.stream().map(UploadedRow::number).toArray(Integer[]::new),
					rows.stream().map(LeadImportRepository::storedKey).toArray(String[]::new),
					rows.stream().map(row -> this.json.writeValueAsString(row.cells())).toArray(String[]::new),
					rows.stream().map(UploadedRow::cellCount).toArray(Integer[]::new))
			.update();
	}

	/**
	 * An upload's file, checked as a whole, is kept as it came until its rows are stored.
	 */
	void uploaded(UUID id, byte[] file, int rows, int columns) {
		this.jdbc.sql("insert into lead_import_file (import_id, content) values (?, ?)").params(id, file).update();
		this.jdbc.sql("update lead_import set total_rows = ?, column_count = ? where id = ?")
			.params(rows, columns, id)
			.update();
	}

	/** The file of an import whose rows are not stored yet. */
	byte[] file(UUID id) {
		return this.jdbc.sql("select content from lead_import_file where import_id = ?")
			.param(id)
			.query(byte[].class)
			.single();
	}

	/** The import's rows are all stored: its file goes. */
	void rowsStored(UUID id) {
		this.jdbc.sql("delete from lead_import_file where import_id = ?").param(id).update();
	}

	Optional<ImportProgress> find(Caller caller, UUID id) {
		List<Object> params = new ArrayList<>(visibleParams(caller));
		params.add(id);
		return this.jdbc.sql(PROGRESS + " where " + visibleTo(caller) + " and i.id = ?")
			.params(params)
			.query((rs, row) -> progress(rs))
			.optional();
	}

	/** The caller's latest imports, newest first. */
	List<ImportProgress> recent(Caller caller, int limit) {
		List<Object> params = new ArrayList<>(visibleParams(caller));
		params.add(limit);
		return this.jdbc.sql(PROGRESS + " where " + visibleTo(caller) + " order by i.created_at desc limit ?")
			.params(params)
			.query((rs, row) -> progress(rs))
			.list();
	}

	/** An import's first failed rows. */
	List<FailedRow> failures(UUID id, int limit) {
		return this.jdbc
			.sql("select row_number, row_key, message from lead_import_row where import_id = ? and outcome = 'FAILED' "
					+ "order by row_number limit ?")
			.params(id, limit)
			.query((rs, row) -> new FailedRow(rs.getInt("row_number"), rs.getString("row_key"),
					rs.getString("message")))
			.list();
	}

	/** The first errors the check of an import found, by row. */
	List<RowError> errors(UUID id, int limit) {
		return this.jdbc
			.sql("select row_number, column_name, message from lead_import_error where import_id = ? "
					+ "order by row_number, position limit ?")
			.params(id, limit)
			.query((rs, row) -> new RowError(rs.getInt("row_number"), rs.getString("column_name"),
					rs.getString("message")))
			.list();
	}

	/** The row keys of those of a program's leads that came from an import. */
	Map<ReferralId, String> rowKeys(OrganizationId vendor, List<UUID> referralIds) {
		Map<ReferralId, String> keys = new HashMap<>();
		this.jdbc
			.sql("select referral_id, row_key from lead_import_key where vendor_organization_id = ? "
					+ "and referral_id = any(?::uuid[])")
			.params(vendor.value(), SqlValues.uuidArray(referralIds))
			.query(rs -> {
				keys.put(new ReferralId(rs.getObject("referral_id", UUID.class)), rs.getString("row_key"));
			});
		return keys;
	}

	/** Those of the keys that a program imported before. */
	Set<String> importedKeys(OrganizationId vendor, List<String> keys) {
		return new HashSet<>(this.jdbc
			.sql("select row_key from lead_import_key where vendor_organization_id = ? and row_key = any(?)")
			.params(vendor.value(), keys.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Records that keys became leads, in one statement; a key imported before (or twice
	 * here) fails them all as a duplicate.
	 * @param referralIds the lead of each key, in the same order
	 */
	void insertKeys(OrganizationId vendor, List<String> rowKeys, List<ReferralId> referralIds) {
		this.jdbc.sql("""
				insert into lead_import_key (vendor_organization_id, row_key, referral_id)
				select ?, k.row_key, k.referral_id from unnest(?::text[], ?::uuid[]) as k (row_key, referral_id)""")
			.params(vendor.value(), rowKeys.toArray(String[]::new),
					SqlValues.uuidArray(referralIds.stream().map(ReferralId::value).toList()))
			.update();
	}

	/** The imports not yet finished, oldest first. */
	List<UUID> unfinished() {
		return this.jdbc.sql("select id from lead_import where finished_at is null order by created_at")
			.query(UUID.class)
			.list();
	}

	/**
	 * Locks an unfinished import for this transaction, unless another holds it.
	 * @return it, or empty when it is finished or locked
	 */
	Optional<LockedImport> lockUnfinished(UUID id) {
		return this.jdbc
			.sql("select id, vendor_organization_id, caller_kind, created_by, created_by_name, roles, locale, "
					+ "total_rows, column_count, checked_rows, error_count, checked_at, "
					+ "exists (select 1 from lead_import_file f where f.import_id = i.id) as file_kept "
					+ "from lead_import i where id = ? and finished_at is null for update of i skip locked")
			.param(id)
			.query((rs, row) -> new LockedImport(id, uploader(rs), Locale.forLanguageTag(rs.getString("locale")),
					!rs.getBoolean("file_kept"), rs.getInt("total_rows"), rs.getInt("column_count"),
					rs.getInt("checked_rows"), rs.getInt("error_count"), rs.getObject("checked_at") != null))
			.optional();
	}

	/** The rows of an import from the given one on, to be checked. */
	List<PendingRow> rowsFrom(UUID id, int firstRow, int limit) {
		return this.jdbc
			.sql("select row_number, row_key, cells, cell_count, null as form from lead_import_row "
					+ "where import_id = ? and row_number >= ? order by row_number limit ?")
			.params(id, firstRow, limit)
			.query((rs, row) -> pendingRow(rs))
			.list();
	}

	/**
	 * For each of the rows in a range whose key an earlier row of the import has: that
	 * earlier row's number, the first one with the key. Each row looks its key up in the
	 * key index (lateral): a new import's rows are not in the statistics yet, and
	 * estimated at one row the import joined to itself was read whole for every row (12.7
	 * s for the first 1,000 rows of 50,000, against 7 ms).
	 */
	Map<Integer, Integer> earlierRowsWithTheSameKey(UUID id, int firstRow, int lastRow) {
		Map<Integer, Integer> earlier = new HashMap<>();
		this.jdbc.sql("""
				select r.row_number, e.earlier from lead_import_row r
				cross join lateral (select min(o.row_number) as earlier from lead_import_row o
				  where o.import_id = r.import_id and o.row_key = r.row_key and o.row_number < r.row_number) e
				where r.import_id = ? and r.row_number between ? and ? and r.row_key <> ''
				  and e.earlier is not null""").params(id, firstRow, lastRow).query(rs -> {
			earlier.put(rs.getInt("row_number"), rs.getInt("earlier"));
		});
		return earlier;
	}

	/** Keeps the forms that valid rows were bound to, for their import. */
	void storeForms(UUID id, Map<Integer, NewLeadForm> forms) {
		if (forms.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update lead_import_row r set form = cast(f.form as jsonb)
				from unnest(?::int[], ?::text[]) as f (row_number, form)
				where r.import_id = ? and r.row_number = f.row_number""")
			.params(forms.keySet().toArray(Integer[]::new),
					forms.values().stream().map(this.json::writeValueAsString).toArray(String[]::new), id)
			.update();
	}

	/**
	 * Counts checked rows in and keeps their first errors. When the check is done the
	 * import is checked; with errors it is finished then, refused, and its rows go.
	 * @param done when the last row was checked, else null
	 */
	void recordCheck(UUID id, int rows, List<RowError> kept, int errors, @Nullable Instant done) {
		if (!kept.isEmpty()) {
			// a row is checked whole in one chunk: its errors' positions start at 0 here
			Integer[] positions = new Integer[kept.size()];
			for (int i = 0; i < positions.length; i++) {
				positions[i] = i > 0 && kept.get(i - 1).row() == kept.get(i).row() ? positions[i - 1] + 1 : 0;
			}
			this.jdbc
				.sql("""
						insert into lead_import_error (import_id, row_number, position, column_name, message)
						select ?, e.row_number, e.position, e.column_name, e.message
						from unnest(?::int[], ?::int[], ?::text[], ?::text[]) as e (row_number, position, column_name, message)""")
				.params(id, kept.stream().map(RowError::row).toArray(Integer[]::new), positions,
						kept.stream().map(RowError::column).toArray(String[]::new),
						kept.stream().map(RowError::message).toArray(String[]::new))
				.update();
		}
		this.jdbc.sql("""
				update lead_import set checked_rows = checked_rows + ?, error_count = error_count + ?,
				  checked_at = cast(? as timestamptz),
				  finished_at = case when error_count + ? > 0 then cast(? as timestamptz) end
				where id = ?""")
			.params(rows, errors, SqlValues.timestamp(done), errors, SqlValues.timestamp(done), id)
			.update();
		if (done != null && errors > 0) {
			this.jdbc.sql("delete from lead_import_row where import_id = ?").param(id).update();
		}
	}

	/** The first rows of an import without an outcome. */
	List<PendingRow> pendingRows(UUID id, int limit) {
		return this.jdbc
			.sql("select row_number, row_key, cells, cell_count, form from lead_import_row where import_id = ? "
					+ "and outcome is null " + "order by row_number limit ?")
			.params(id, limit)
			.query((rs, row) -> pendingRow(rs))
			.list();
	}

	/**
	 * Stores the rows' outcomes and counts them in; the import is finished when no row is
	 * left without one.
	 */
	void record(UUID id, List<Outcome> outcomes, Instant now) {
		if (!outcomes.isEmpty()) {
			this.template.batchUpdate(
					"update lead_import_row set outcome = ?, message = ?, referral_id = ? where import_id = ? and row_number = ?",
					outcomes, outcomes.size(), (ps, outcome) -> {
						ps.setString(1, outcome.outcome().name());
						ps.setString(2, outcome.message());
						ps.setObject(3, outcome.referralId());
						ps.setObject(4, id);
						ps.setInt(5, outcome.row());
					});
		}
		Map<RowOutcome, Long> counts = outcomes.stream()
			.collect(Collectors.groupingBy(Outcome::outcome, Collectors.counting()));
		this.jdbc.sql("""
				update lead_import set created_count = created_count + ?, skipped_count = skipped_count + ?,
				  failed_count = failed_count + ?,
				  finished_at = case when exists (select 1 from lead_import_row r
				    where r.import_id = lead_import.id and r.outcome is null) then null else cast(? as timestamptz) end
				where id = ?""")
			.params(counts.getOrDefault(RowOutcome.CREATED, 0L), counts.getOrDefault(RowOutcome.SKIPPED, 0L),
					counts.getOrDefault(RowOutcome.FAILED, 0L), SqlValues.timestamp(now), id)
			.update();
	}

	/** The vendor admin follows every import of the program, other staff their own. */
	private static String visibleTo(Caller caller) {
		return caller.hasRole(Role.VENDOR_ADMIN) ? "i.vendor_organization_id = ?"
				: "i.vendor_organization_id = ? and i.created_by = ?";
	}

	private static List<Object> visibleParams(Caller caller) {
		return caller.hasRole(Role.VENDOR_ADMIN) ? List.of(caller.organizationId().value())
				: List.of(caller.organizationId().value(), caller.principalId());
	}

	private static ImportProgress progress(ResultSet rs) throws SQLException {
		return new ImportProgress(rs.getObject("id", UUID.class), rs.getString("file_name"),
				rs.getString("created_by_name"), SqlValues.instant(rs, "created_at"), rs.getInt("total_rows"),
				rs.getInt("checked_rows"), rs.getInt("error_count"), SqlValues.instant(rs, "checked_at"),
				rs.getInt("created_count"), rs.getInt("skipped_count"), rs.getInt("failed_count"),
				SqlValues.instant(rs, "finished_at"), List.of(), List.of());
	}

	private PendingRow pendingRow(ResultSet rs) throws SQLException {
		String form = rs.getString("form");
		return new PendingRow(rs.getInt("row_number"), rs.getString("row_key"),
				this.json.readValue(rs.getString("cells"), CELLS), rs.getObject("cell_count", Integer.class),
				form == null ? null : this.json.readValue(form, NewLeadForm.class));
	}

	private static String storedKey(UploadedRow row) {
		String key = row.key();
		return key.isBlank() || key.length() > LeadCsv.MAX_ROW_KEY ? "" : key;
	}

	/** Who uploaded the import: its leads are sent as theirs. */
	private static Caller uploader(ResultSet rs) throws SQLException {
		return new Caller(Caller.Kind.valueOf(rs.getString("caller_kind")), rs.getString("created_by"),
				rs.getString("created_by_name"), new OrganizationId(rs.getObject("vendor_organization_id", UUID.class)),
				OrganizationKind.VENDOR,
				Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf).collect(Collectors.toSet()));
	}

	/**
	 * @param cellCount how many cells the row has when that is not the header's number
	 * @param form the form its check bound it to, once checked
	 */
	record PendingRow(int number, String key, Map<String, String> cells, @Nullable Integer cellCount,
			@Nullable NewLeadForm form) {

	}

	/**
	 * An import this transaction holds.
	 *
	 * @param locale the uploader's language, for the check's messages
	 * @param rowsStored whether the file's rows are stored, each to be checked and then
	 * imported
	 * @param checked whether every row was checked (then, as it is not finished, valid)
	 */
	record LockedImport(UUID id, Caller uploader, Locale locale, boolean rowsStored, int totalRows, int columnCount,
			int checkedRows, int errorCount, boolean checked) {

	}

	enum RowOutcome {

		CREATED, SKIPPED, FAILED

	}

	record Outcome(int row, RowOutcome outcome, @Nullable String message, @Nullable UUID referralId) {

		static Outcome skipped(PendingRow row) {
			return new Outcome(row.number(), RowOutcome.SKIPPED, null, null);
		}

		static Outcome failed(PendingRow row, @Nullable String message) {
			return new Outcome(row.number(), RowOutcome.FAILED, message, null);
		}

	}

}
