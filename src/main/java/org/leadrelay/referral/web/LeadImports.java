package org.leadrelay.referral.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.web.ImportProgress.FailedRow;
import org.leadrelay.referral.web.LeadImportReader.ImportRow;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.Role;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private static final String PROGRESS = "select id, file_name, created_by_name, created_at, total_rows, "
			+ "created_count, skipped_count, failed_count, finished_at from lead_import i";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	private final Clock clock;

	LeadImports(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.clock = clock;
	}

	/** Stores a checked file's rows as a new import of the caller's. */
	@Transactional
	UUID start(Caller caller, String fileName, List<ImportRow> rows) {
		UUID id = Ids.newId(this.clock);
		this.jdbc.sql(
				"insert into lead_import (id, vendor_organization_id, caller_kind, created_by, created_by_name, roles, "
						+ "file_name, total_rows, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, caller.organizationId().value(), caller.kind().name(), caller.principalId(),
					caller.displayName(), caller.roles().stream().map(Role::name).collect(Collectors.joining(",")),
					fileName, rows.size(), SqlValues.timestamp(this.clock.instant()))
			.update();
		this.template.batchUpdate(
				"insert into lead_import_row (import_id, row_number, row_key, cells) values (?, ?, ?, ?::jsonb)", rows,
				1000, (ps, row) -> {
					ps.setObject(1, id);
					ps.setInt(2, row.number());
					ps.setString(3, row.key());
					ps.setString(4, this.json.writeValueAsString(row.cells()));
				});
		return id;
	}

	/**
	 * One of the imports the caller may follow, with its first failures once finished.
	 */
	@Transactional(readOnly = true)
	Optional<ImportProgress> find(Caller caller, UUID id) {
		List<Object> params = new ArrayList<>(visibleParams(caller));
		params.add(id);
		return this.jdbc.sql(PROGRESS + " where " + visibleTo(caller) + " and i.id = ?")
			.params(params)
			.query((rs, row) -> progress(rs))
			.optional()
			.map(progress -> progress.finished() && progress.failed() > 0 ? withFailures(progress) : progress);
	}

	/** The caller's latest imports, newest first. */
	@Transactional(readOnly = true)
	List<ImportProgress> recent(Caller caller, int limit) {
		List<Object> params = new ArrayList<>(visibleParams(caller));
		params.add(limit);
		return this.jdbc.sql(PROGRESS + " where " + visibleTo(caller) + " order by i.created_at desc limit ?")
			.params(params)
			.query((rs, row) -> progress(rs))
			.list();
	}

	/** The row keys of those of the leads that came from an import. */
	Map<ReferralId, String> rowKeys(List<Referral> referrals) {
		Map<ReferralId, String> keys = new HashMap<>();
		referrals.stream()
			.collect(Collectors.groupingBy(Referral::vendorOrganizationId,
					Collectors.mapping(referral -> referral.id().value(), Collectors.toList())))
			.forEach((vendor, ids) -> this.jdbc
				.sql("select referral_id, row_key from lead_import_key where vendor_organization_id = ? "
						+ "and referral_id = any(?::uuid[])")
				.params(vendor.value(), SqlValues.uuidArray(ids))
				.query(rs -> {
					keys.put(new ReferralId(rs.getObject("referral_id", UUID.class)), rs.getString("row_key"));
				}));
		return keys;
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

	private ImportProgress withFailures(ImportProgress progress) {
		List<FailedRow> failures = this.jdbc
			.sql("select row_number, row_key, message from lead_import_row where import_id = ? and outcome = 'FAILED' "
					+ "order by row_number limit ?")
			.params(progress.id(), SHOWN_FAILURES)
			.query((rs, row) -> new FailedRow(rs.getInt("row_number"), rs.getString("row_key"),
					rs.getString("message")))
			.list();
		return new ImportProgress(progress.id(), progress.fileName(), progress.createdByName(), progress.createdAt(),
				progress.total(), progress.created(), progress.skipped(), progress.failed(), progress.finishedAt(),
				failures);
	}

	private static ImportProgress progress(ResultSet rs) throws SQLException {
		return new ImportProgress(rs.getObject("id", UUID.class), rs.getString("file_name"),
				rs.getString("created_by_name"), SqlValues.instant(rs, "created_at"), rs.getInt("total_rows"),
				rs.getInt("created_count"), rs.getInt("skipped_count"), rs.getInt("failed_count"),
				SqlValues.instant(rs, "finished_at"), List.of());
	}

}
