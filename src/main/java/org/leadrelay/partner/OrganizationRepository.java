package org.leadrelay.partner;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
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

	private static final String LOCATION_COLUMNS = "organization_id, id, name, city, country, alert_emails";

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

	List<Location> findLocations(List<OrganizationId> organizations) {
		return this.jdbc.sql("select " + LOCATION_COLUMNS
				+ " from partner_location where organization_id = any(?::uuid[]) and removed_at is null order by name, id")
			.param(SqlValues.uuidArray(organizations.stream().map(OrganizationId::value).toList()))
			.query(OrganizationRepository::location)
			.list();
	}

	/**
	 * Locations of the vendor's partners other than {@code except}, in the country or,
	 * with {@code inCountry} false, outside it; at most {@code limit}, in no particular
	 * order.
	 */
	List<Location> findOtherPartnersLocations(OrganizationId vendor, OrganizationId except, String country,
			boolean inCountry, int limit) {
		return this.jdbc
			.sql("select l.organization_id, l.id, l.name, l.city, l.country, l.alert_emails from partner_location l "
					+ "join organization o on o.id = l.organization_id where o.vendor_id = ? and l.organization_id <> ? "
					+ "and l.removed_at is null and " + (inCountry ? "l.country = ?" : "l.country <> ?") + " limit ?")
			.params(vendor.value(), except.value(), country, limit)
			.query(OrganizationRepository::location)
			.list();
	}

	void insertLocation(Location location, Instant createdAt) {
		this.jdbc
			.sql("insert into partner_location (" + LOCATION_COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(location.organizationId().value(), location.id().value(), location.name(), location.city(),
					location.country(), location.alertEmails().toArray(String[]::new), SqlValues.timestamp(createdAt))
			.update();
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
				rs.getString("city"), rs.getString("country"), Arrays.asList((String[]) emails.getArray()));
	}

}
