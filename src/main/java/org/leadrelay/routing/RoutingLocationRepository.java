package org.leadrelay.routing;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Region;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Routing's copy of the programs' current partner locations ({@code routing_location},
 * V168), from the partner module's published views, with each partner's responsiveness
 * (which {@link ResponsivenessRepository} copies in as it saves the scores).
 */
@Repository
class RoutingLocationRepository {

	/**
	 * Serializes the copy's changes across transactions and nodes (an arbitrary, fixed
	 * key).
	 */
	private static final long COPY_LOCK = 0x4c52_524f_5554_4c4fL;

	/**
	 * A location's country in upper case, for ASCII letters alone whatever the database's
	 * locale.
	 */
	private static final String COUNTRY = "translate(l.country, 'abcdefghijklmnopqrstuvwxyz', "
			+ "'ABCDEFGHIJKLMNOPQRSTUVWXYZ')";

	/** Every ISO 3166 country code with its region, for a hash join. */
	private static final String[] CODES = Locale.getISOCountries();

	private static final String[] REGIONS = Arrays.stream(CODES)
		.map(code -> Region.of(code).orElseThrow().name())
		.toArray(String[]::new);

	/** The copies of locations removed since (or never current). */
	private static final String DELETE_REMOVED = """
			delete from routing_location r
			where %s and not exists (select from partner_location_v l
			                         where l.organization_id = r.organization_id and l.id = r.location_id)""";

	/**
	 * The current locations of partners (not the vendor's) without a copy, with their
	 * country's region (none outside ISO 3166) and their partner's responsiveness.
	 */
	private static final String INSERT_MISSING = """
			insert into routing_location (organization_id, location_id, vendor_id, partner_name, name, city, country,
			    country_code, region, answered, expired, median_response_seconds, score)
			select l.organization_id, l.id, o.vendor_id, o.name, l.name, l.city, l.country, %1$s, c.region,
			       s.answered, s.expired, s.median_response_seconds, s.score
			from partner_location_v l
			join partner_organization_v o on o.id = l.organization_id and o.kind = 'PARTNER'
			left join unnest(cast(:codes as text[]), cast(:regions as text[])) c(code, region) on c.code = %1$s
			left join partner_responsiveness s on s.organization_id = l.organization_id
			where %2$s
			on conflict (organization_id, location_id) do nothing""";

	private final JdbcClient jdbc;

	RoutingLocationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Brings the copy of the partner's locations up to date. */
	void sync(OrganizationId partner) {
		sync("r.organization_id = :partner", "l.organization_id = :partner", partner);
	}

	/** Brings the copy of every program's locations up to date. */
	void syncAll() {
		sync("true", "true", null);
	}

	private void sync(String copies, String locations, @Nullable OrganizationId partner) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(COPY_LOCK).query((rs, row) -> 1).list();
		Object id = partner == null ? null : partner.value();
		this.jdbc.sql(DELETE_REMOVED.formatted(copies)).param("partner", id).update();
		this.jdbc.sql(INSERT_MISSING.formatted(COUNTRY, locations))
			.param("partner", id)
			.param("codes", CODES)
			.param("regions", REGIONS)
			.update();
	}

}
