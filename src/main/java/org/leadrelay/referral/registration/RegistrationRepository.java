package org.leadrelay.referral.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.Substatus;
import org.leadrelay.shared.OrganizationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores deal registrations and channel conflicts, writes their notes on the deals'
 * timeline, and finds the claims a new deal or registration may conflict with.
 */
@Repository
class RegistrationRepository {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<Object>> VALUES = new TypeReference<>() {
	};

	private static final String REGISTRATION = "select g.id, g.organization_id, g.referral_id, "
			+ "g.vendor_organization_id, g.version, g.status, g.status_reason, g.products, g.contract_value, "
			+ "g.contract_currency, g.registered_at, g.registered_by_name, g.decided_at, g.decided_by_name "
			+ "from deal_registration g ";

	private static final String CONFLICT = "select c.* from channel_conflict c ";

	/** Claims of a vendor's other partners, in a period, on one of some products. */
	private static final String CLAIMS = "select r.id, r.organization_id, r.customer_name, r.customer_country, "
			+ "r.attributes -> 'customerIds' as ids, r.requirements -> 'products' as products, "
			+ "r.created_at as claimed_at, r.substatus = 'Accepted' as open from referral r "
			+ "where r.vendor_organization_id = ? and r.origin = 'Deal' and r.deal_type in ('CoSell', 'PartnerLed') "
			+ "and r.organization_id <> ? and r.created_at between ? and ? "
			+ "and jsonb_exists_any(r.requirements -> 'products', ?::text[]) union all "
			+ "select r.id, r.organization_id, r.customer_name, r.customer_country, r.attributes -> 'customerIds', "
			+ "g.products, g.registered_at, g.status <> 'Rejected' from deal_registration g "
			+ "join referral r on r.organization_id = g.organization_id and r.id = g.referral_id "
			+ "where g.vendor_organization_id = ? and g.organization_id <> ? and g.registered_at between ? and ? "
			+ "and jsonb_exists_any(g.products, ?::text[])";

	private static final String INSERT_NOTE = "insert into referral_timeline (organization_id, referral_id, "
			+ "occurred_at, actor_id, actor_name, source, action, changes) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	RegistrationRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	void insert(DealRegistration registration) {
		this.jdbc.sql("insert into deal_registration (id, organization_id, referral_id, vendor_organization_id, "
				+ "version, status, status_reason, products, contract_value, contract_currency, registered_at, "
				+ "registered_by_name, decided_at, decided_by_name) values (?, ?, ?, ?, 1, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)")
			.params(registration.id(), registration.organizationId().value(), registration.referralId().value(),
					registration.vendorOrganizationId().value(), registration.status().name(),
					registration.statusReason(), this.json.writeValueAsString(registration.products()),
					registration.value().amount(), registration.value().currency().getCurrencyCode(),
					SqlValues.timestamp(registration.registeredAt()), registration.registeredByName(),
					SqlValues.timestamp(registration.decidedAt()), registration.decidedByName())
			.update();
		insertNotes(registration.pendingNotes());
		registration.markPersisted(1);
	}

	/** Stores a decision; false when someone else changed the registration meanwhile. */
	boolean update(DealRegistration registration) {
		int updated = this.jdbc
			.sql("update deal_registration set version = version + 1, status = ?, status_reason = ?, "
					+ "decided_at = ?, decided_by_name = ? where id = ? and version = ?")
			.params(registration.status().name(), registration.statusReason(),
					SqlValues.timestamp(registration.decidedAt()), registration.decidedByName(), registration.id(),
					registration.version())
			.update();
		if (updated == 1) {
			insertNotes(registration.pendingNotes());
			registration.markPersisted(registration.version() + 1);
		}
		return updated == 1;
	}

	Optional<DealRegistration> find(OrganizationId vendor, UUID id) {
		return this.jdbc.sql(REGISTRATION + "where g.vendor_organization_id = ? and g.id = ?")
			.params(vendor.value(), id)
			.query(this::registration)
			.optional();
	}

	Optional<DealRegistration> findOf(ReferralId deal) {
		return this.jdbc.sql(REGISTRATION + "where g.referral_id = ?")
			.params(deal.value())
			.query(this::registration)
			.optional();
	}

	Map<ReferralId, DealRegistration> findOf(Collection<ReferralId> deals) {
		Map<ReferralId, DealRegistration> found = new LinkedHashMap<>();
		this.jdbc.sql(REGISTRATION + "where g.referral_id = any(?::uuid[])")
			.params((Object) SqlValues.uuidArray(deals.stream().map(ReferralId::value).toList()))
			.query(this::registration)
			.list()
			.forEach(registration -> found.put(registration.referralId(), registration));
		return found;
	}

	/** A page of the vendor's registrations: pending first, then the newest. */
	List<RegistrationViews.Row> page(OrganizationId vendor, int offset, int limit) {
		return this.jdbc
			.sql(REGISTRATION.replace(
					"from deal_registration g ",
					", coalesce(r.name, '') as deal_name, r.customer_name, r.customer_country, o.name as partner_name, "
							+ "exists (select 1 from channel_conflict c where c.status = 'Open' "
							+ "and g.referral_id in (c.first_referral_id, c.second_referral_id)) as in_conflict "
							+ "from deal_registration g join referral r on r.organization_id = g.organization_id "
							+ "and r.id = g.referral_id join partner_organization_v o on o.id = g.organization_id ")
					+ "where g.vendor_organization_id = ? order by g.status = 'Pending' desc, g.registered_at desc, g.id "
					+ "offset ? limit ?")
			.params(vendor.value(), offset, limit)
			.query((rs, row) -> new RegistrationViews.Row(registration(rs, row), rs.getString("deal_name"),
					rs.getString("partner_name"), rs.getString("customer_name"), rs.getString("customer_country"),
					rs.getBoolean("in_conflict")))
			.list();
	}

	long count(OrganizationId vendor) {
		return this.jdbc.sql("select count(*) from deal_registration where vendor_organization_id = ?")
			.params(vendor.value())
			.query(Long.class)
			.single();
	}

	/**
	 * The claims of the vendor's other partners made in a period on one of the products:
	 * their co-sell and partner-led deals and their registrations.
	 */
	List<Claim> claims(OrganizationId vendor, OrganizationId except, Instant from, Instant to,
			Collection<String> products) {
		Object[] period = { vendor.value(), except.value(), SqlValues.timestamp(from), SqlValues.timestamp(to),
				products.toArray(String[]::new) };
		List<Object> params = new ArrayList<>(List.of(period));
		params.addAll(List.of(period));
		return this.jdbc.sql(CLAIMS)
			.params(params)
			.query((rs, row) -> Claim.of(new ReferralId(rs.getObject("id", UUID.class)),
					new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("customer_name"),
					rs.getString("customer_country"), values(rs.getString("ids")),
					this.json.readValue(rs.getString("products"), STRINGS), SqlValues.instant(rs, "claimed_at"),
					rs.getBoolean("open")))
			.list();
	}

	/** Stores a newly flagged conflict; false when the pair was flagged before. */
	boolean insert(ChannelConflict conflict) {
		int inserted = this.jdbc
			.sql("insert into channel_conflict (id, vendor_organization_id, first_organization_id, "
					+ "first_referral_id, second_organization_id, second_referral_id, products, detected_at, status, "
					+ "version) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 1) on conflict do nothing")
			.params(conflict.id(), conflict.vendorOrganizationId().value(), conflict.first().organizationId().value(),
					conflict.first().referralId().value(), conflict.second().organizationId().value(),
					conflict.second().referralId().value(), this.json.writeValueAsString(conflict.products()),
					SqlValues.timestamp(conflict.detectedAt()), conflict.status().name())
			.update();
		if (inserted == 1) {
			insertNotes(conflict.pendingNotes());
			conflict.markPersisted(1);
		}
		return inserted == 1;
	}

	boolean update(ChannelConflict conflict) {
		ReferralId kept = conflict.keptReferralId();
		int updated = this.jdbc
			.sql("update channel_conflict set version = version + 1, status = ?, kept_referral_id = ?, reason = ?, "
					+ "decided_at = ?, decided_by_name = ? where id = ? and version = ?")
			.params(conflict.status().name(), kept == null ? null : kept.value(), conflict.reason(),
					SqlValues.timestamp(conflict.decidedAt()), conflict.decidedByName(), conflict.id(),
					conflict.version())
			.update();
		if (updated == 1) {
			insertNotes(conflict.pendingNotes());
			conflict.markPersisted(conflict.version() + 1);
		}
		return updated == 1;
	}

	Optional<ChannelConflict> findConflict(OrganizationId vendor, UUID id) {
		return this.jdbc.sql(CONFLICT + "where c.vendor_organization_id = ? and c.id = ?")
			.params(vendor.value(), id)
			.query(this::conflict)
			.optional();
	}

	/** The open conflicts a deal is in. */
	List<ChannelConflict> openConflictsOf(ReferralId deal) {
		return this.jdbc.sql(CONFLICT + "where c.status = 'Open' and ? in (c.first_referral_id, c.second_referral_id)")
			.params(deal.value())
			.query(this::conflict)
			.list();
	}

	/** The vendor's conflicts, open ones first, then the latest. */
	List<ChannelConflict> conflicts(OrganizationId vendor, int limit) {
		return this.jdbc
			.sql(CONFLICT + "where c.vendor_organization_id = ? order by c.status = 'Open' desc, c.detected_at desc, "
					+ "c.id limit ?")
			.params(vendor.value(), limit)
			.query(this::conflict)
			.list();
	}

	/** The deals of conflicts, as the vendor compares them, by id. */
	Map<ReferralId, RegistrationViews.ConflictDeal> conflictDeals(Collection<ReferralId> ids) {
		Map<ReferralId, RegistrationViews.ConflictDeal> deals = new LinkedHashMap<>();
		this.jdbc.sql("select r.id, r.organization_id, o.name as partner_name, coalesce(r.name, '') as deal_name, "
				+ "r.customer_name, r.customer_country, r.requirements -> 'products' as products, r.deal_value, "
				+ "r.currency, r.substatus, r.created_at, g.status as registration_status from referral r "
				+ "join partner_organization_v o on o.id = r.organization_id left join deal_registration g on g.referral_id = r.id "
				+ "where r.id = any(?::uuid[])")
			.params((Object) SqlValues.uuidArray(ids.stream().map(ReferralId::value).toList()))
			.query((rs, row) -> {
				String status = rs.getString("registration_status");
				String currency = rs.getString("currency");
				ReferralId id = new ReferralId(rs.getObject("id", UUID.class));
				return deals.put(id, new RegistrationViews.ConflictDeal(id,
						new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("partner_name"),
						rs.getString("deal_name"), rs.getString("customer_name"), rs.getString("customer_country"),
						this.json.readValue(rs.getString("products"), STRINGS),
						currency == null ? null : Money.of(rs.getBigDecimal("deal_value"), currency),
						Substatus.valueOf(rs.getString("substatus")), SqlValues.instant(rs, "created_at"),
						status == null ? null : RegistrationStatus.valueOf(status)));
			})
			.list();
		return deals;
	}

	private void insertNotes(List<DealNote> notes) {
		List<Object[]> rows = notes.stream()
			.map(note -> new Object[] { note.organizationId().value(), note.referralId().value(),
					SqlValues.timestamp(note.occurredAt()), note.actor().id(), note.actor().name(),
					note.actor().source().name(), note.action(), this.json.writeValueAsString(note.changes()) })
			.toList();
		if (!rows.isEmpty()) {
			this.template.batchUpdate(INSERT_NOTE, rows);
		}
	}

	private DealRegistration registration(ResultSet rs, int row) throws SQLException {
		return new DealRegistration(rs.getObject("id", UUID.class),
				new ReferralId(rs.getObject("referral_id", UUID.class)),
				new OrganizationId(rs.getObject("organization_id", UUID.class)),
				new OrganizationId(rs.getObject("vendor_organization_id", UUID.class)),
				this.json.readValue(rs.getString("products"), STRINGS),
				Money.of(rs.getBigDecimal("contract_value"), rs.getString("contract_currency")),
				SqlValues.instant(rs, "registered_at"), rs.getString("registered_by_name"),
				RegistrationStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				SqlValues.instant(rs, "decided_at"), rs.getString("decided_by_name"), rs.getInt("version"));
	}

	private ChannelConflict conflict(ResultSet rs, int row) throws SQLException {
		UUID kept = rs.getObject("kept_referral_id", UUID.class);
		return new ChannelConflict(rs.getObject("id", UUID.class),
				new OrganizationId(rs.getObject("vendor_organization_id", UUID.class)),
				side(rs, "first_organization_id", "first_referral_id"),
				side(rs, "second_organization_id", "second_referral_id"),
				this.json.readValue(rs.getString("products"), STRINGS), SqlValues.instant(rs, "detected_at"),
				ConflictStatus.valueOf(rs.getString("status")), kept == null ? null : new ReferralId(kept),
				rs.getString("reason"), SqlValues.instant(rs, "decided_at"), rs.getString("decided_by_name"),
				rs.getInt("version"));
	}

	private static ChannelConflict.Side side(ResultSet rs, String organization, String referral) throws SQLException {
		return new ChannelConflict.Side(new OrganizationId(rs.getObject(organization, UUID.class)),
				new ReferralId(rs.getObject(referral, UUID.class)));
	}

	private List<Object> values(@Nullable String json) {
		return json == null ? List.of() : this.json.readValue(json, VALUES);
	}

}
