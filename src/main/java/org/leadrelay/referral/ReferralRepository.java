package org.leadrelay.referral;

import java.time.Instant;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.partner.LocationId;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.Referral.PendingEntry;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.shared.OrganizationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.leadrelay.platform.SqlValues.textColumn;

/**
 * Stores referrals (one row each, nested values as JSONB) and their timeline. Updates are
 * optimistic: they name the version they were loaded at and fail if it moved.
 */
@Repository
class ReferralRepository {

	private static final String INSERT = "insert into referral (organization_id, id, version, vendor_organization_id, "
			+ "location_id, engagement_id, qualification, type, substatus, status_reason, name, external_reference_id, "
			+ "campaign_id, customer_name, customer_address, customer_country, customer_size, customer_team, "
			+ "consent_to_contact, consent_to_share, notes, deal_value, currency, closing_at, requirements, team, "
			+ "invite_notes, customer_request, contact_requested_at, created_by, created_by_name, created_at, "
			+ "updated_at, expires_at, accepted_at, closed_at, attributes, origin, deal_type, deal_stage, "
			+ "inviter_organization_id, inviter_referral_id, vendor_visible, location_organization_id) values (?, ?, ?, "
			+ "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, "
			+ "?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)";

	// One statement for a whole batch (an expiry sweep's 500, or one referral): the
	// statement triggers of the roll-ups then run once per batch, not once per referral.
	private static final String UPDATE = """
			update referral r set version = u.version + 1, substatus = u.substatus, status_reason = u.status_reason,
			  name = u.name, external_reference_id = u.external_reference_id, campaign_id = u.campaign_id,
			  customer_team = u.customer_team, notes = u.notes, deal_value = u.deal_value, currency = u.currency,
			  closing_at = u.closing_at, team = u.team, updated_at = u.updated_at, accepted_at = u.accepted_at,
			  closed_at = u.closed_at, attributes = u.attributes, deal_type = u.deal_type, deal_stage = u.deal_stage,
			  vendor_visible = u.vendor_visible
			from unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			  ?::jsonb[], ?::text[], ?::numeric[], ?::text[], ?::timestamptz[], ?::jsonb[], ?::timestamptz[],
			  ?::timestamptz[], ?::timestamptz[], ?::jsonb[], ?::text[], ?::text[], ?::boolean[])
			  as u(organization_id, id, version, substatus, status_reason, name, external_reference_id, campaign_id,
			  customer_team, notes, deal_value, currency, closing_at, team, updated_at, accepted_at, closed_at,
			  attributes, deal_type, deal_stage, vendor_visible)
			where r.organization_id = u.organization_id and r.id = u.id and r.version = u.version""";

	private static final String INSERT_TIMELINE = """
			insert into referral_timeline (organization_id, referral_id, occurred_at, actor_id, actor_name, source,
			  action, changes)
			select * from unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
			  ?::jsonb[])""";

	private static final TypeReference<Map<String, FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	private final ReferralRows rows;

	ReferralRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, ReferralRows rows) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.rows = rows;
	}

	Optional<Referral> find(ReferralScope scope, ReferralId id) {
		List<Object> params = new ArrayList<>(scope.params());
		params.add(id.value());
		return this.jdbc
			.sql("select " + ReferralRows.COLUMNS + " from referral r where " + scope.predicate() + " and r.id = ?")
			.params(params)
			.query(this.rows)
			.optional();
	}

	/** The referrals named by owner and id, in one query; those gone are left out. */
	List<Referral> findAll(List<OrganizationId> owners, List<ReferralId> ids) {
		return this.jdbc
			.sql("select " + ReferralRows.COLUMNS + " from referral r where (r.organization_id, r.id) in "
					+ "(select * from unnest(?::uuid[], ?::uuid[]))")
			.params(SqlValues.uuidArray(owners.stream().map(OrganizationId::value).toList()),
					SqlValues.uuidArray(ids.stream().map(ReferralId::value).toList()))
			.query(this.rows)
			.list();
	}

	/**
	 * Locks a batch of overdue Received referrals, skipping rows another node has locked,
	 * so concurrent sweepers share the work and never expire a referral twice.
	 */
	List<Referral> lockDueForExpiry(Instant now, int limit) {
		return this.jdbc
			.sql("select " + ReferralRows.COLUMNS
					+ " from referral r where r.substatus = 'Received' and r.expires_at <= ? "
					+ "order by r.expires_at limit ? for update skip locked")
			.params(SqlValues.timestamp(now), limit)
			.query(this.rows)
			.list();
	}

	void insert(Referral referral) {
		insertAll(List.of(referral));
	}

	/** Inserts new referrals with their timelines, each in one batch. */
	void insertAll(List<Referral> referrals) {
		if (referrals.isEmpty()) {
			return;
		}
		this.template.batchUpdate(INSERT, referrals, referrals.size(), this::setInserted);
		insertTimeline(referrals);
		referrals.forEach(referral -> referral.markPersisted(referral.version() + 1));
	}

	private void setInserted(PreparedStatement ps, Referral referral) throws SQLException {
		Address address = referral.customer().address();
		Money value = referral.dealValue();
		int i = 0;
		ps.setObject(++i, referral.organizationId().value());
		ps.setObject(++i, referral.id().value());
		ps.setInt(++i, referral.version() + 1);
		ps.setObject(++i, referral.vendorOrganizationId().value());
		ps.setObject(++i, referral.locationId().value());
		ps.setObject(++i, referral.engagementId());
		ps.setString(++i, referral.qualification().name());
		ps.setString(++i, referral.type().name());
		ps.setString(++i, referral.substatus().name());
		ps.setString(++i, referral.statusReason());
		ps.setString(++i, referral.name());
		ps.setString(++i, referral.externalReferenceId());
		ps.setString(++i, referral.campaignId());
		ps.setString(++i, referral.customer().name());
		ps.setString(++i, this.json.writeValueAsString(address));
		ps.setString(++i, address.country());
		ps.setString(++i, referral.customer().size() == null ? null : referral.customer().size().code());
		ps.setString(++i, this.rows.members(referral.customer().contacts()));
		ps.setBoolean(++i, referral.consent().consentToContact());
		ps.setBoolean(++i, referral.consent().consentToShareInfoWithOthers());
		ps.setString(++i, referral.notes());
		ps.setBigDecimal(++i, value == null ? null : value.amount());
		ps.setString(++i, value == null ? null : value.currency().getCurrencyCode());
		ps.setTimestamp(++i, SqlValues.timestamp(referral.closingAt()));
		ps.setString(++i, this.json.writeValueAsString(referral.requirements()));
		ps.setString(++i, this.rows.members(referral.team()));
		ps.setString(++i, referral.inviteNotes());
		ps.setString(++i, referral.customerRequest());
		ps.setTimestamp(++i, SqlValues.timestamp(referral.contactRequestedAt()));
		ps.setString(++i, referral.createdBy());
		ps.setString(++i, referral.createdByName());
		ps.setTimestamp(++i, SqlValues.timestamp(referral.createdAt()));
		ps.setTimestamp(++i, SqlValues.timestamp(referral.updatedAt()));
		ps.setTimestamp(++i, SqlValues.timestamp(referral.expiresAt()));
		ps.setTimestamp(++i, SqlValues.timestamp(referral.acceptedAt()));
		ps.setTimestamp(++i, SqlValues.timestamp(referral.closedAt()));
		ps.setString(++i, this.json.writeValueAsString(referral.attributes()));
		Engagement engagement = referral.engagement();
		Inviter inviter = engagement.inviter();
		ps.setString(++i, engagement.origin().name());
		ps.setString(++i, engagement.dealType() == null ? null : engagement.dealType().name());
		ps.setString(++i, referral.stage() == null ? null : referral.stage().name());
		ps.setObject(++i, inviter == null ? null : inviter.organizationId().value());
		ps.setObject(++i, inviter == null ? null : inviter.referralId().value());
		ps.setBoolean(++i, referral.visibleToVendor());
		ps.setObject(++i, referral.locationOrganizationId().value());
	}

	/**
	 * Writes the referrals' changes in one batch; false for any whose version moved since
	 * they were loaded (nothing is written then: the caller rolls back).
	 */
	boolean update(List<Referral> referrals) {
		int updated = this.jdbc.sql(UPDATE)
			.params(textColumn(referrals, referral -> referral.organizationId().value()),
					textColumn(referrals, referral -> referral.id().value()), textColumn(referrals, Referral::version),
					textColumn(referrals, Referral::substatus), textColumn(referrals, Referral::statusReason),
					textColumn(referrals, Referral::name), textColumn(referrals, Referral::externalReferenceId),
					textColumn(referrals, Referral::campaignId),
					textColumn(referrals, referral -> this.rows.members(referral.customer().contacts())),
					textColumn(referrals, Referral::notes),
					textColumn(referrals,
							referral -> referral.dealValue() == null ? null
									: referral.dealValue().amount().toPlainString()),
					textColumn(referrals,
							referral -> referral.dealValue() == null ? null
									: referral.dealValue().currency().getCurrencyCode()),
					textColumn(referrals, Referral::closingAt),
					textColumn(referrals, referral -> this.rows.members(referral.team())),
					textColumn(referrals, Referral::updatedAt), textColumn(referrals, Referral::acceptedAt),
					textColumn(referrals, Referral::closedAt),
					textColumn(referrals, referral -> this.json.writeValueAsString(referral.attributes())),
					textColumn(referrals, referral -> referral.engagement().dealType()),
					textColumn(referrals, Referral::stage), textColumn(referrals, Referral::visibleToVendor))
			.update();
		if (updated != referrals.size()) {
			return false;
		}
		insertTimeline(referrals);
		referrals.forEach(referral -> referral.markPersisted(referral.version() + 1));
		return true;
	}

	/**
	 * How many of these referrals are of each qualification (what metrics are tagged by).
	 */
	Map<Qualification, Integer> countByQualification(Collection<ReferralId> ids) {
		Map<Qualification, Integer> counts = new EnumMap<>(Qualification.class);
		this.jdbc.sql("select qualification, count(*) from referral where id = any(?) group by qualification")
			.param(ids.stream().map(ReferralId::value).toArray(UUID[]::new))
			.query((rs, row) -> counts.put(Qualification.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		return counts;
	}

	List<TimelineEntry> timeline(ReferralScope scope, ReferralId id) {
		List<Object> params = new ArrayList<>(scope.params());
		params.add(id.value());
		return this.jdbc
			.sql("select t.id, t.referral_id, t.occurred_at, t.actor_id, t.actor_name, t.source, t.action, t.changes "
					+ "from referral_timeline t join referral r on r.organization_id = t.organization_id "
					+ "and r.id = t.referral_id where " + scope.predicate() + " and r.id = ? order by t.id")
			.params(params)
			.query((rs, row) -> new TimelineEntry(rs.getLong("id"),
					new ReferralId(rs.getObject("referral_id", UUID.class)), SqlValues.instant(rs, "occurred_at"),
					rs.getString("actor_id"), rs.getString("actor_name"), Source.valueOf(rs.getString("source")),
					rs.getString("action"), this.json.readValue(rs.getString("changes"), CHANGES)))
			.list();
	}

	/** Who made the latest change to a referral, for "changed by ..." messages. */
	String lastActor(OrganizationId organizationId, ReferralId id) {
		return this.jdbc
			.sql("select actor_name from referral_timeline where organization_id = ? and referral_id = ? "
					+ "order by id desc limit 1")
			.params(organizationId.value(), id.value())
			.query(String.class)
			.optional()
			.orElse("someone else");
	}

	/** Whether a user belongs to a location (identity's published view). */
	boolean belongsTo(UUID userId, LocationId location) {
		return this.jdbc
			.sql("select exists (select 1 from identity_user_location_v where user_id = ? and location_id = ?)")
			.params(userId, location.value())
			.query(Boolean.class)
			.single();
	}

	/** Whether the organization has a record in the engagement. */
	boolean takesPart(OrganizationId organization, UUID engagementId) {
		return this.jdbc.sql("select exists (select 1 from referral where organization_id = ? and engagement_id = ?)")
			.params(organization.value(), engagementId)
			.query(Boolean.class)
			.single();
	}

	/** The organizations with a record in each engagement, oldest record first. */
	Map<UUID, List<OrganizationId>> parties(List<UUID> engagementIds) {
		Map<UUID, List<OrganizationId>> parties = new HashMap<>();
		this.jdbc
			.sql("select engagement_id, organization_id from referral where engagement_id = any(?::uuid[]) "
					+ "order by created_at, id")
			.param(SqlValues.uuidArray(engagementIds))
			.query((rs, row) -> {
				List<OrganizationId> each = parties.computeIfAbsent(rs.getObject("engagement_id", UUID.class),
						key -> new ArrayList<>());
				OrganizationId party = new OrganizationId(rs.getObject("organization_id", UUID.class));
				if (!each.contains(party)) {
					each.add(party);
				}
				return party;
			})
			.list();
		return parties;
	}

	/** Those of the ids that name leads the vendor program sent. */
	List<UUID> sentBy(OrganizationId vendor, List<UUID> ids) {
		return this.jdbc.sql("select id from referral where vendor_organization_id = ? and id = any(?::uuid[])")
			.params(vendor.value(), SqlValues.uuidArray(ids))
			.query(UUID.class)
			.list();
	}

	private void insertTimeline(List<Referral> referrals) {
		List<TimelineRow> rows = new ArrayList<>();
		for (Referral referral : referrals) {
			referral.pendingTimeline().forEach(entry -> rows.add(new TimelineRow(referral, entry)));
		}
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql(INSERT_TIMELINE)
			.params(textColumn(rows, row -> row.referral().organizationId().value()),
					textColumn(rows, row -> row.referral().id().value()),
					textColumn(rows, row -> row.entry().occurredAt()),
					textColumn(rows, row -> row.entry().actor().id()),
					textColumn(rows, row -> row.entry().actor().name()),
					textColumn(rows, row -> row.entry().actor().source()),
					textColumn(rows, row -> row.entry().action()),
					textColumn(rows, row -> this.json.writeValueAsString(row.entry().changes())))
			.update();
	}

	private record TimelineRow(Referral referral, PendingEntry entry) {
	}

}
