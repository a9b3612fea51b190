package org.leadrelay.referral;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.Email;
import org.leadrelay.shared.OrganizationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * How a referral is stored in its row: the columns to select, the row read back as a
 * {@link Referral}, and the JSONB form of its team members. Not a repository, so the
 * repositories' exception-translating proxy is not entered once per row of a page.
 */
@Component
class ReferralRows implements RowMapper<Referral> {

	static final String COLUMNS = "r.organization_id, r.id, r.version, r.vendor_organization_id, r.location_id, "
			+ "r.engagement_id, r.qualification, r.type, r.substatus, r.status_reason, r.name, r.external_reference_id, "
			+ "r.campaign_id, r.customer_name, r.customer_address, r.customer_size, r.customer_team, "
			+ "r.consent_to_contact, r.consent_to_share, r.notes, r.deal_value, r.currency, r.closing_at, "
			+ "r.requirements, r.team, r.invite_notes, r.customer_request, r.contact_requested_at, r.created_by, r.created_by_name, "
			+ "r.created_at, r.updated_at, r.expires_at, r.accepted_at, r.closed_at, r.attributes, r.origin, r.deal_type, "
			+ "r.deal_stage, r.inviter_organization_id, r.inviter_referral_id";

	private static final TypeReference<List<StoredMember>> MEMBERS = new TypeReference<>() {
	};

	private final JsonMapper json;

	// A reader resolves its type once; readValue(String, type) resolves it on every call,
	// five times for each row a list maps.
	private final ObjectReader addresses;

	private final ObjectReader requirements;

	private final ObjectReader attributes;

	private final ObjectReader members;

	ReferralRows(JsonMapper json) {
		this.json = json;
		this.addresses = json.readerFor(Address.class);
		this.requirements = json.readerFor(Requirements.class);
		this.attributes = json.readerFor(ReferralAttributes.class);
		this.members = json.readerFor(MEMBERS);
	}

	@Override
	public Referral mapRow(ResultSet rs, int row) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("deal_value");
		String currency = rs.getString("currency");
		String size = rs.getString("customer_size");
		String stage = rs.getString("deal_stage");
		Customer customer = new Customer(rs.getString("customer_name"),
				this.addresses.<Address>readValue(rs.getString("customer_address")),
				size == null ? null : CompanySize.fromCode(size).orElse(null), members(rs.getString("customer_team")));
		return new Referral(new ReferralState(new ReferralId(rs.getObject("id", UUID.class)),
				new OrganizationId(rs.getObject("organization_id", UUID.class)),
				new OrganizationId(rs.getObject("vendor_organization_id", UUID.class)),
				new LocationId(rs.getObject("location_id", UUID.class)), rs.getObject("engagement_id", UUID.class),
				Qualification.valueOf(rs.getString("qualification")), ReferralType.valueOf(rs.getString("type")),
				new Consent(rs.getBoolean("consent_to_contact"), rs.getBoolean("consent_to_share")),
				this.requirements.<Requirements>readValue(rs.getString("requirements")), rs.getString("invite_notes"),
				rs.getString("customer_request"), rs.getString("created_by"), rs.getString("created_by_name"),
				SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "expires_at"),
				SqlValues.instant(rs, "contact_requested_at"), customer, rs.getString("name"),
				rs.getString("external_reference_id"), rs.getString("campaign_id"),
				Substatus.valueOf(rs.getString("substatus")), rs.getString("status_reason"), rs.getString("notes"),
				amount == null ? null : new Money(amount, Currency.getInstance(currency)),
				SqlValues.instant(rs, "closing_at"), members(rs.getString("team")),
				SqlValues.instant(rs, "accepted_at"), SqlValues.instant(rs, "closed_at"),
				SqlValues.instant(rs, "updated_at"), rs.getInt("version"),
				this.attributes.<ReferralAttributes>readValue(rs.getString("attributes")), engagement(rs),
				stage == null ? null : DealStage.valueOf(stage)));
	}

	private static Engagement engagement(ResultSet rs) throws SQLException {
		String type = rs.getString("deal_type");
		UUID inviterOrganization = rs.getObject("inviter_organization_id", UUID.class);
		return new Engagement(Origin.valueOf(rs.getString("origin")), type == null ? null : DealType.valueOf(type),
				inviterOrganization == null ? null : new Inviter(new OrganizationId(inviterOrganization),
						new ReferralId(rs.getObject("inviter_referral_id", UUID.class))));
	}

	/** The members as their JSONB column holds them. */
	String members(List<TeamMember> members) {
		return this.json.writeValueAsString(members.stream().map(StoredMember::of).toList());
	}

	private List<TeamMember> members(String stored) {
		if (stored.equals("[]")) {
			return List.of(); // most leads have no team: no parser for them
		}
		return this.members.<List<StoredMember>>readValue(stored).stream().map(StoredMember::toMember).toList();
	}

	/** A team member as stored in JSONB: flat, with the email as a plain string. */
	record StoredMember(@Nullable String firstName, @Nullable String lastName, @Nullable String phoneNumber,
			String email) {

		static StoredMember of(TeamMember member) {
			return new StoredMember(member.firstName(), member.lastName(), member.phoneNumber(),
					member.email().value());
		}

		TeamMember toMember() {
			return new TeamMember(this.firstName, this.lastName, this.phoneNumber, new Email(this.email));
		}

	}

}
