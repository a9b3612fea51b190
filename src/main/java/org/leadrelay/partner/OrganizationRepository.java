package org.leadrelay.partner;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

	private static final String LOCATION_COLUMNS = "organization_id, id, name, city, country, alert_emails, address_line, "
			+ "postal_code, phone";

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Organization> find(OrganizationId id) {
		return this.jdbc.sql("select id, name, kind, vendor_id from organization where id = ?")
			.param(id.value())
			.query(OrganizationRepository::organization)
			.optional();
	}

	List<Organization> findPartnersOf(OrganizationId vendorId) {
		return this.jdbc.sql("select id, name, kind, vendor_id from organization where vendor_id = ? order by name, id")
			.param(vendorId.value())
			.query(OrganizationRepository::organization)
			.list();
	}

	boolean isEmpty() {
		return this.jdbc.sql("select not exists (select 1 from organization)").query(Boolean.class).single();
	}

	void insert(Organization organization, Instant createdAt) {
		this.jdbc.sql("insert into organization (id, name, kind, vendor_id, created_at) values (?, ?, ?, ?, ?)")
			.params(organization.id().value(), organization.name(), organization.kind().name(),
					organization.vendorId() == null ? null : organization.vendorId().value(),
					SqlValues.timestamp(createdAt))
			.update();
	}

	Optional<Location> findLocation(LocationId id) {
		return this.jdbc
			.sql("select " + LOCATION_COLUMNS + " from partner_location where id = ? and removed_at is null")
			.param(id.value())
			.query(OrganizationRepository::location)
			.optional();
	}

	List<Location> findLocationsById(Collection<LocationId> ids) {
		return this.jdbc
			.sql("select " + LOCATION_COLUMNS
					+ " from partner_location where id = any(?::uuid[]) and removed_at is null")
			.param(SqlValues.uuidArray(ids.stream().map(LocationId::value).toList()))
			.query(OrganizationRepository::location)
			.list();
	}

	List<Location> findLocations(List<OrganizationId> organizations) {
		return this.jdbc.sql("select " + LOCATION_COLUMNS
				+ " from partner_location where organization_id = any(?::uuid[]) and removed_at is null order by name, id")
			.param(SqlValues.uuidArray(organizations.stream().map(OrganizationId::value).toList()))
			.query(OrganizationRepository::location)
			.list();
	}

	void insertLocation(Location location, Instant createdAt) {
		this.jdbc
			.sql("insert into partner_location (" + LOCATION_COLUMNS
					+ ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(location.organizationId().value(), location.id().value(), location.name(), location.city(),
					location.country(), location.alertEmails().toArray(String[]::new), location.addressLine(),
					location.postalCode(), location.phone(), SqlValues.timestamp(createdAt))
			.update();
	}

	/** Removes a current location; its referrals keep pointing at it. */
	boolean removeLocation(OrganizationId organization, LocationId id, Instant removedAt) {
		return this.jdbc
			.sql("update partner_location set removed_at = ? where organization_id = ? and id = ? "
					+ "and removed_at is null")
			.params(SqlValues.timestamp(removedAt), organization.value(), id.value())
			.update() == 1;
	}

	private static Organization organization(ResultSet rs, int row) throws SQLException {
		UUID vendor = rs.getObject("vendor_id", UUID.class);
		return new Organization(new OrganizationId(rs.getObject("id", UUID.class)), rs.getString("name"),
				OrganizationKind.valueOf(rs.getString("kind")), vendor == null ? null : new OrganizationId(vendor));
	}

	private static Location location(ResultSet rs, int row) throws SQLException {
		Array emails = rs.getArray("alert_emails");
		return new Location(new LocationId(rs.getObject("id", UUID.class)),
				new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("name"),
				rs.getString("city"), rs.getString("country"), Arrays.asList((String[]) emails.getArray()),
				rs.getString("address_line"), rs.getString("postal_code"), rs.getString("phone"));
	}

}
