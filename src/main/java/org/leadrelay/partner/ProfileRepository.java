package org.leadrelay.partner;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores business profiles (tags and sizes as arrays on the row) and their logos. Updates
 * are optimistic: they name the version they were read at.
 */
@Repository
class ProfileRepository {

	private static final String COLUMNS = "p.organization_id, p.id, p.version, p.region, p.name, p.description, "
			+ "p.website, p.linkedin, p.industries, p.products, p.services, p.solutions, p.customer_sizes, "
			+ "p.updated_at, exists (select 1 from business_profile_logo g where g.organization_id = p.organization_id "
			+ "and g.profile_id = p.id) as has_logo";

	private final JdbcClient jdbc;

	ProfileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredProfile profile, Instant now) {
		ProfileDetails details = profile.details();
		this.jdbc.sql("""
				insert into business_profile (organization_id, id, version, region, name, description, website,
				    linkedin, industries, products, services, solutions, customer_sizes, created_at, updated_at)
				values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(profile.organizationId().value(), profile.id().value(), profile.region().name(), details.name(),
					details.description(), details.website(), details.linkedIn(),
					array(details.expertise().industries()), array(details.expertise().products()),
					array(details.expertise().services()), array(details.expertise().solutions()), sizes(details),
					SqlValues.timestamp(now), SqlValues.timestamp(now))
			.update();
	}

	/** A profile by id alone, for public pages. */
	Optional<StoredProfile> find(ProfileId id) {
		return this.jdbc.sql("select " + COLUMNS + " from business_profile p where p.id = ?")
			.param(id.value())
			.query(ProfileRepository::profile)
			.optional();
	}

	Optional<StoredProfile> find(OrganizationId organization, ProfileId id) {
		return this.jdbc.sql("select " + COLUMNS + " from business_profile p where p.organization_id = ? and p.id = ?")
			.params(organization.value(), id.value())
			.query(ProfileRepository::profile)
			.optional();
	}

	boolean exists(OrganizationId organization, Region region) {
		return this.jdbc.sql("select exists (select 1 from business_profile where organization_id = ? and region = ?)")
			.params(organization.value(), region.name())
			.query(Boolean.class)
			.single();
	}

	List<StoredProfile> findByOrganization(OrganizationId organization) {
		return this.jdbc
			.sql("select " + COLUMNS + " from business_profile p where p.organization_id = ? order by p.region")
			.param(organization.value())
			.query(ProfileRepository::profile)
			.list();
	}

	/** The profiles of a vendor's partners, by partner name. */
	List<StoredProfile> findByVendor(OrganizationId vendor) {
		return this.jdbc
			.sql("select " + COLUMNS + " from business_profile p join organization o on o.id = p.organization_id "
					+ "where o.vendor_id = ? order by o.name, p.region")
			.param(vendor.value())
			.query(ProfileRepository::profile)
			.list();
	}

	/** Every profile in id order, a page after {@code after}. */
	List<StoredProfile> page(@Nullable ProfileId after, int size) {
		if (after == null) {
			return this.jdbc.sql("select " + COLUMNS + " from business_profile p order by p.id limit ?")
				.param(size)
				.query(ProfileRepository::profile)
				.list();
		}
		return this.jdbc.sql("select " + COLUMNS + " from business_profile p where p.id > ? order by p.id limit ?")
			.params(after.value(), size)
			.query(ProfileRepository::profile)
			.list();
	}

	/**
	 * Writes new details over the version they were read at.
	 * @return the new version, or empty if the profile moved on meanwhile
	 */
	Optional<Integer> update(StoredProfile profile, ProfileDetails details, Instant now) {
		return this.jdbc.sql("""
				update business_profile set version = version + 1, name = ?, description = ?, website = ?,
				    linkedin = ?, industries = ?, products = ?, services = ?, solutions = ?, customer_sizes = ?,
				    updated_at = ?
				where organization_id = ? and id = ? and version = ? returning version""")
			.params(details.name(), details.description(), details.website(), details.linkedIn(),
					array(details.expertise().industries()), array(details.expertise().products()),
					array(details.expertise().services()), array(details.expertise().solutions()), sizes(details),
					SqlValues.timestamp(now), profile.organizationId().value(), profile.id().value(), profile.version())
			.query(Integer.class)
			.optional();
	}

	/**
	 * Moves a profile to its next version for a change of its locations or logo, locking
	 * its row until the transaction ends (so concurrent location changes take turns).
	 * @return the new version
	 */
	int touch(StoredProfile profile, Instant now) {
		return this.jdbc
			.sql("update business_profile set version = version + 1, updated_at = ? "
					+ "where organization_id = ? and id = ? returning version")
			.params(SqlValues.timestamp(now), profile.organizationId().value(), profile.id().value())
			.query(Integer.class)
			.single();
	}

	Optional<Logo> findLogo(ProfileId id) {
		return this.jdbc.sql("select content_type, image from business_profile_logo where profile_id = ?")
			.param(id.value())
			.query((rs, row) -> Logo.stored(rs.getString("content_type"), rs.getBytes("image")))
			.optional();
	}

	void saveLogo(StoredProfile profile, Logo logo, Instant now) {
		this.jdbc.sql("""
				insert into business_profile_logo (organization_id, profile_id, content_type, image, updated_at)
				values (?, ?, ?, ?, ?)
				on conflict (organization_id, profile_id) do update
				set content_type = excluded.content_type, image = excluded.image, updated_at = excluded.updated_at""")
			.params(profile.organizationId().value(), profile.id().value(), logo.contentType(), logo.image(),
					SqlValues.timestamp(now))
			.update();
	}

	private static String[] array(List<String> values) {
		return values.toArray(String[]::new);
	}

	private static String[] sizes(ProfileDetails details) {
		return details.customerSizes().stream().map(CompanySize::code).toArray(String[]::new);
	}

	private static StoredProfile profile(ResultSet rs, int row) throws SQLException {
		List<CompanySize> sizes = strings(rs.getArray("customer_sizes")).stream()
			.map(code -> CompanySize.fromCode(code).orElseThrow())
			.toList();
		ProfileDetails details = new ProfileDetails(rs.getString("name"), rs.getString("description"),
				rs.getString("website"), rs.getString("linkedin"),
				new Expertise(strings(rs.getArray("industries")), strings(rs.getArray("products")),
						strings(rs.getArray("services")), strings(rs.getArray("solutions"))),
				Set.copyOf(sizes));
		return new StoredProfile(new ProfileId(rs.getObject("id", UUID.class)),
				new OrganizationId(rs.getObject("organization_id", UUID.class)), Region.valueOf(rs.getString("region")),
				rs.getInt("version"), details, rs.getBoolean("has_logo"), SqlValues.instant(rs, "updated_at"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	/** A profile row as stored, before its locations are added. */
	record StoredProfile(ProfileId id, OrganizationId organizationId, Region region, int version,
			ProfileDetails details, boolean hasLogo, Instant updatedAt) {
	}

}
