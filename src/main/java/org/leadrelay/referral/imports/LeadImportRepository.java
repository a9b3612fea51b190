package org.leadrelay.referral.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.imports.ImportProgress.FailedRow;
import org.leadrelay.referral.imports.LeadImportReader.ImportRow;
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
 * ({@code lead_import_row}) and the keys imported per vendor program
 * ({@code lead_import_key}). Every read of an import is scoped to the caller's program.
 */
@Repository
class LeadImportRepository {

	private static final String PROGRESS = "select id, file_name, created_by_name, created_at, total_rows, "
			+ "created_count, skipped_count, failed_count, finished_at from lead_import i";

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

	/** Stores a checked file's rows as a new import by the caller. */
	void insert(UUID id, Caller caller, String fileName, List<ImportRow> rows, Instant createdAt) {
		this.jdbc.sql(
				"insert into lead_import (id, vendor_organization_id, caller_kind, created_by, created_by_name, roles, "
						+ "file_name, total_rows, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, caller.organizationId().value(), caller.kind().name(), caller.principalId(),
					caller.displayName(), caller.roles().stream().map(Role::name).collect(Collectors.joining(",")),
					fileName, rows.size(), SqlValues.timestamp(createdAt))
			.update();
		this.template.batchUpdate(
				"insert into lead_import_row (import_id, row_number, row_key, cells) values (?, ?, ?, ?::jsonb)", rows,
				1000, (ps, row) -> {
					ps.setObject(1, id);
					ps.setInt(2, row.number());
					ps.setString(3, row.key());
					ps.setString(4, this.json.writeValueAsString(row.cells()));
				});
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
	 * Records that a key became a lead; a key imported before fails as a duplicate.
	 */
	void insertKey(OrganizationId vendor, String rowKey, ReferralId referralId) {
		this.jdbc.sql("insert into lead_import_key (vendor_organization_id, row_key, referral_id) values (?, ?, ?)")
			.params(vendor.value(), rowKey, referralId.value())
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
	 * @return who uploaded it, or empty when it is finished or locked
	 */
	Optional<Caller> lockUnfinished(UUID id) {
		return this.jdbc
			.sql("select vendor_organization_id, caller_kind, created_by, created_by_name, roles from lead_import "
					+ "where id = ? and finished_at is null for update skip locked")
			.param(id)
			.query(LeadImportRepository::uploader)
			.optional();
	}

	/** The first rows of an import without an outcome. */
	List<PendingRow> pendingRows(UUID id, int limit) {
		return this.jdbc
			.sql("select row_number, row_key, cells from lead_import_row where import_id = ? and outcome is null "
					+ "order by row_number limit ?")
			.params(id, limit)
			.query((rs, row) -> new PendingRow(rs.getInt("row_number"), rs.getString("row_key"),
					this.json.readValue(rs.getString("cells"), CELLS)))
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
				rs.getInt("created_count"), rs.getInt("skipped_count"), rs.getInt("failed_count"),
				SqlValues.instant(rs, "finished_at"), List.of());
	}

	/** Who uploaded the import: its leads are sent as theirs. */
	private static Caller uploader(ResultSet rs, int row) throws SQLException {
		return new Caller(Caller.Kind.valueOf(rs.getString("caller_kind")), rs.getString("created_by"),
				rs.getString("created_by_name"), new OrganizationId(rs.getObject("vendor_organization_id", UUID.class)),
				OrganizationKind.VENDOR,
				Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf).collect(Collectors.toSet()));
	}

	record PendingRow(int number, String key, Map<String, String> cells) {

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
