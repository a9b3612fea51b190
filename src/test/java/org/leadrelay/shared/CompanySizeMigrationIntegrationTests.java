package org.leadrelay.shared;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProfiles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration to the Referrals API's sizes (V75), run on a database of its own that
 * holds rows written with LeadRelay's former bands.
 */
@IntegrationTest
class CompanySizeMigrationIntegrationTests {

	static final UUID VENDOR = UUID.randomUUID();

	static final UUID PARTNER = UUID.randomUUID();

	static final UUID LOCATION = UUID.randomUUID();

	static final UUID PROFILE = UUID.randomUUID();

	static final UUID IMPORT = UUID.randomUUID();

	/**
	 * The application's connection to the test server, where this test makes a database
	 * of its own.
	 */
	@Autowired
	HikariDataSource server;

	String name;

	DataSource database;

	JdbcClient jdbc;

	@BeforeEach
	void createDatabase() throws Exception {
		// letters only: a database name cannot be a bind parameter
		this.name = "sizes_" + TestProfiles.letters();
		JdbcClient.create(this.server).sql("create database " + this.name).update();
		this.database = new DriverManagerDataSource(
				this.server.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + this.name + "$1"),
				this.server.getUsername(), this.server.getPassword());
		this.jdbc = JdbcClient.create(this.database);
	}

	@AfterEach
	void dropDatabase() {
		JdbcClient.create(this.server).sql("drop database " + this.name + " with (force)").update();
	}

	@Test
	void referralsProfilesAndPendingImportRowsTakeTheApisBands() {
		migrateTo(versionBefore75());
		this.jdbc
			.sql("insert into organization (id, name, kind, vendor_id, created_at) values "
					+ "(?, 'Vendor', 'VENDOR', null, now()), (?, 'Partner', 'PARTNER', ?, now())")
			.params(VENDOR, PARTNER, VENDOR)
			.update();
		this.jdbc
			.sql("insert into partner_location (organization_id, id, name, city, country, created_at) "
					+ "values (?, ?, 'Office', 'Budapest', 'HU', now())")
			.params(PARTNER, LOCATION)
			.update();
		Map<String, String> referrals = Map.of("10to49employees", "10to50employees", "50to249employees",
				"51to250employees", "250to999employees", "251to1000employees", "1000to4999employees",
				"1001to5000employees", "5000to9999employees", "5001to10000employees", "10000to20000employees",
				"10001to20000employees", "1to9employees", "1to9employees", "Morethan20000employees",
				"Morethan20000employees");
		referrals.keySet().forEach(this::referral);
		referral(null);
		this.jdbc.sql("""
				insert into business_profile (organization_id, id, version, region, name, customer_sizes,
				    created_at, updated_at)
				values (?, ?, 1, 'EMEA', 'Partner',
				    '{250to999employees,1to9employees,10000to20000employees,Morethan20000employees}', now(), now())""")
			.params(PARTNER, PROFILE)
			.update();
		this.jdbc
			.sql("""
					insert into marketplace_listing (profile_id, organization_id, vendor_organization_id, version, listed,
					    name, document, filters, card, indexed_at)
					values (?, ?, ?, 1, true, 'Partner', to_tsvector('Partner'), '{size:250to999employees}', '{}', now())""")
			.params(PROFILE, PARTNER, VENDOR)
			.update();
		this.jdbc.sql("""
				insert into lead_import (id, vendor_organization_id, caller_kind, created_by, created_by_name, roles,
				    file_name, total_rows, created_at)
				values (?, ?, 'USER', 'user:1', 'Sara Seller', 'VENDOR_SELLER', 'leads.csv', 2, now())""")
			.params(IMPORT, VENDOR)
			.update();
		this.jdbc.sql("""
				insert into lead_import_row (import_id, row_number, row_key, cells, outcome) values
				    (?, 2, 'A-1', '{"customerName": "Alpine", "size": " EMPLOYEES_50_TO_249 "}', null),
				    (?, 3, 'A-2', '{"customerName": "Danube", "size": "EMPLOYEES_10_TO_49"}', 'CREATED')""")
			.params(IMPORT, IMPORT)
			.update();

		migrateTo("75");

		assertThat(this.jdbc.sql("select name, customer_size from referral where customer_size is not null")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()).containsExactlyInAnyOrderElementsOf(referrals.entrySet());
		assertThat(
				this.jdbc.sql("select count(*) from referral where customer_size is null").query(Long.class).single())
			.isOne();
		assertThat(this.jdbc.sql("select customer_sizes from business_profile")
			.query((rs, row) -> List.of((String[]) rs.getArray(1).getArray()))
			.single()).as("in the order they were")
			.containsExactly("251to1000employees", "1to9employees", "10001to20000employees", "Morethan20000employees");
		assertThat(this.jdbc.sql("select cells ->> 'size' from lead_import_row order by row_number")
			.query(String.class)
			.list()).as("the pending row as the import now reads it; the finished one as it was")
			.containsExactly("51to250employees", "EMPLOYEES_10_TO_49");
		assertThat(this.jdbc.sql("select cells ->> 'customerName' from lead_import_row where row_number = 2")
			.query(String.class)
			.single()).isEqualTo("Alpine");
		assertThat(this.jdbc.sql("select count(*) from marketplace_listing").query(Long.class).single())
			.as("emptied, to be rebuilt at startup with the new tokens")
			.isZero();
	}

	/** A referral named after the size it was written with. */
	private void referral(String size) {
		this.jdbc.sql("""
				insert into referral (organization_id, id, version, vendor_organization_id, location_id, engagement_id,
				    qualification, type, substatus, name, customer_name, customer_address, customer_country,
				    customer_size, consent_to_contact, consent_to_share, created_by, created_by_name, created_at,
				    updated_at, expires_at)
				values (?, ?, 1, ?, ?, ?, 'SalesQualified', 'Independent', 'Received', ?, 'Customer',
				    '{"country": "HU"}', 'HU', ?, true, false, 'vendor', 'Vendor', now(), now(),
				    now() + interval '14 days')""")
			.params(PARTNER, UUID.randomUUID(), VENDOR, LOCATION, UUID.randomUUID(), size == null ? "none" : size, size)
			.update();
	}

	/** The last migration below V75: other features' migrations come and go around it. */
	private String versionBefore75() {
		return Arrays.stream(flyway("75").info().all())
			.map(MigrationInfo::getVersion)
			.filter(version -> version.compareTo(MigrationVersion.fromVersion("75")) < 0)
			.max(Comparator.naturalOrder())
			.orElseThrow()
			.getVersion();
	}

	private void migrateTo(String version) {
		flyway(version).migrate();
	}

	private Flyway flyway(String target) {
		// as the application migrates (spring.flyway.out-of-order)
		return Flyway.configure()
			.dataSource(this.database)
			.locations("classpath:db/migration")
			.outOfOrder(true)
			.target(target)
			.load();
	}

}
