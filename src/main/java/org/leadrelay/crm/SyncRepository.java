package org.leadrelay.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.LeadSyncStatus.State;
import org.leadrelay.crm.client.OpportunityState;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores where each lead stands with its CRM. Every lookup names the lead's organization.
 */
@Repository
class SyncRepository {

	private static final String COLUMNS = "s.organization_id, s.referral_id, s.connection_id, s.crm_record_id, "
			+ "s.crm_state, s.crm_modified_at, s.status, s.generation, s.attempts";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SyncRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Asks for the lead to be pushed: due now, unless it waits out a retry delay (the CRM
	 * may have asked for it). A lead that failed for good is tried again, since the
	 * change may have fixed what was wrong.
	 */
	void requestPush(OrganizationId organization, UUID referralId, UUID connectionId, Instant now) {
		this.jdbc.sql("""
				insert into crm_sync (organization_id, referral_id, connection_id, status, generation, next_attempt_at)
				values (?, ?, ?, 'PENDING', 1, ?)
				on conflict (organization_id, referral_id) do update set
				    generation = crm_sync.generation + 1,
				    status = 'PENDING',
				    attempts = case when crm_sync.status = 'PENDING' then crm_sync.attempts else 0 end,
				    next_attempt_at = case when crm_sync.status = 'PENDING' and crm_sync.attempts > 0
				        then crm_sync.next_attempt_at else excluded.next_attempt_at end""")
			.params(organization.value(), referralId, connectionId, SqlValues.timestamp(now))
			.update();
	}

	/**
	 * Makes a lead due now, with a fresh count of attempts; false if it is not synced.
	 */
	boolean retry(OrganizationId organization, UUID referralId, Instant now) {
		return this.jdbc
			.sql("update crm_sync set status = 'PENDING', attempts = 0, next_attempt_at = ? "
					+ "where organization_id = ? and referral_id = ?")
			.params(SqlValues.timestamp(now), organization.value(), referralId)
			.update() == 1;
	}

	Optional<SyncRow> find(OrganizationId organization, UUID referralId) {
		return this.jdbc.sql("select " + COLUMNS + " from crm_sync s where s.organization_id = ? and s.referral_id = ?")
			.params(organization.value(), referralId)
			.query(this::row)
			.optional();
	}

	/** The row, locked until the transaction ends. */
	SyncRow lock(OrganizationId organization, UUID referralId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from crm_sync s where s.organization_id = ? and s.referral_id = ? for update")
			.params(organization.value(), referralId)
			.query(this::row)
			.single();
	}

	/** What the lead page shows about a lead's sync, if it is synced. */
	Optional<LeadSyncStatus> status(OrganizationId organization, UUID referralId) {
		return this.jdbc.sql("""
				select c.kind, s.status, s.crm_record_id, s.attempts, s.next_attempt_at, s.last_error,
				    s.last_error_at, s.synced_at
				from crm_sync s join crm_connection c on c.id = s.connection_id
				where s.organization_id = ? and s.referral_id = ?""")
			.params(organization.value(), referralId)
			.query((rs, row) -> new LeadSyncStatus(CrmKind.valueOf(rs.getString("kind")),
					State.valueOf(rs.getString("status")), rs.getString("crm_record_id"), rs.getInt("attempts"),
					SqlValues.instant(rs, "next_attempt_at"), rs.getString("last_error"),
					SqlValues.instant(rs, "last_error_at"), SqlValues.instant(rs, "synced_at")))
			.optional();
	}

	/**
	 * Claims leads due to be pushed, skipping those another node holds and those whose
	 * CRM asked LeadRelay to wait, until {@code leaseUntil}.
	 */
	List<SyncRow> claimDue(Instant now, int limit, Instant leaseUntil) {
		return this.jdbc.sql("""
				update crm_sync s set leased_until = ?
				where (s.organization_id, s.referral_id) in (
				    select due.organization_id, due.referral_id from crm_sync due
				    join crm_connection c on c.id = due.connection_id
				    where due.status = 'PENDING' and due.next_attempt_at <= ?
				      and (due.leased_until is null or due.leased_until < ?)
				      and (c.throttled_until is null or c.throttled_until <= ?)
				    order by due.next_attempt_at limit ? for update of due skip locked)
				returning\s""" + COLUMNS)
			.params(SqlValues.timestamp(leaseUntil), SqlValues.timestamp(now), SqlValues.timestamp(now),
					SqlValues.timestamp(now), limit)
			.query(this::row)
			.list();
	}

	/**
	 * Keeps the id of an opportunity just created, before anything else can fail.
	 */
	void recordCreated(SyncRow row, String crmRecordId, OpportunityState state) {
		this.jdbc
			.sql("update crm_sync set crm_record_id = ?, crm_state = ?::jsonb "
					+ "where organization_id = ? and referral_id = ?")
			.params(crmRecordId, this.json.writeValueAsString(state), row.organizationId().value(), row.referralId())
			.update();
	}

	/**
	 * A push succeeded: the lead is in sync, unless it changed again during the push (a
	 * newer generation), which is then due at once.
	 */
	void recordPushed(SyncRow claimed, String crmRecordId, OpportunityState state, Instant now) {
		this.jdbc.sql("""
				update crm_sync set crm_record_id = ?, crm_state = ?::jsonb,
				    status = case when generation = ? then 'SYNCED' else 'PENDING' end,
				    next_attempt_at = case when generation = ? then null else ?::timestamptz end,
				    attempts = 0, leased_until = null, last_error = null, last_error_at = null, synced_at = ?
				where organization_id = ? and referral_id = ?""")
			.params(crmRecordId, this.json.writeValueAsString(state), claimed.generation(), claimed.generation(),
					SqlValues.timestamp(now), SqlValues.timestamp(now), claimed.organizationId().value(),
					claimed.referralId())
			.update();
	}

	/**
	 * A push failed: due again at {@code nextAttemptAt}, or failed for good if null. A
	 * newer change made during the push is tried again regardless, at once unless a retry
	 * delay applies.
	 */
	void recordPushFailed(SyncRow claimed, @Nullable Instant nextAttemptAt, String error, Instant now) {
		Instant nextIfChanged = nextAttemptAt != null ? nextAttemptAt : now;
		this.jdbc.sql("""
				update crm_sync set
				    status = case when generation = ? then ? else 'PENDING' end,
				    next_attempt_at = case when generation = ? then ?::timestamptz else ?::timestamptz end,
				    attempts = attempts + 1, leased_until = null, last_error = ?, last_error_at = ?
				where organization_id = ? and referral_id = ?""")
			.params(claimed.generation(), nextAttemptAt == null ? "FAILED" : "PENDING", claimed.generation(),
					SqlValues.timestamp(nextAttemptAt), SqlValues.timestamp(nextIfChanged), truncate(error),
					SqlValues.timestamp(now), claimed.organizationId().value(), claimed.referralId())
			.update();
	}

	/**
	 * Records a change read from the CRM: what it now holds and when it changed, and, if
	 * the change could not be applied to the lead, why (the lead then shows it until
	 * someone retries).
	 */
	void recordRead(SyncRow row, OpportunityState state, Instant crmModifiedAt, @Nullable String error, Instant now) {
		this.jdbc.sql("""
				update crm_sync set crm_state = ?::jsonb, crm_modified_at = ?,
				    status = case when ?::boolean then 'FAILED' else status end,
				    last_error = coalesce(?, last_error),
				    last_error_at = case when ?::boolean then ?::timestamptz else last_error_at end
				where organization_id = ? and referral_id = ?""")
			.params(this.json.writeValueAsString(state), SqlValues.timestamp(crmModifiedAt), error != null,
					error == null ? null : truncate(error), error != null, SqlValues.timestamp(now),
					row.organizationId().value(), row.referralId())
			.update();
	}

	private SyncRow row(ResultSet rs, int row) throws SQLException {
		String state = rs.getString("crm_state");
		return new SyncRow(new OrganizationId(rs.getObject("organization_id", UUID.class)),
				rs.getObject("referral_id", UUID.class), rs.getObject("connection_id", UUID.class),
				rs.getString("crm_record_id"),
				state == null ? null : this.json.readValue(state, OpportunityState.class),
				SqlValues.instant(rs, "crm_modified_at"), State.valueOf(rs.getString("status")),
				rs.getInt("generation"), rs.getInt("attempts"));
	}

	private static String truncate(String error) {
		return error.length() > 1000 ? error.substring(0, 999) + "…" : error;
	}

}
