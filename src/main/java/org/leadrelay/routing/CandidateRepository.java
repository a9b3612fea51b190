package org.leadrelay.routing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Region;
import org.leadrelay.referral.SimilarLeads;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The current locations of a program's partners with the profile of their region and the
 * partner's responsiveness (the partner module's published views, V142), each with an
 * upper bound of its score, best bound first.
 */
@Repository
class CandidateRepository {

	/** Upper case for ASCII letters alone, whatever the database's locale. */
	private static final String UPPER = "translate(%s, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')";

	private static final String COUNTRY = UPPER.formatted("l.country");

	/**
	 * How many of the wanted tags (as {@link RankingModel} compares them: stripped, lower
	 * case) the profile could list: a tag of printable ASCII is compared as Java would
	 * compare it; any other could match, so that the bound never falls below the score.
	 */
	private static final String TAGS = """
			(select count(*) from unnest(cast(:wanted as text[])) w(tag) where exists (
			   select from unnest(p.industries || p.products || p.services) t(tag)
			   where translate(btrim(t.tag, ' '), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = w.tag
			      or octet_length(t.tag) > char_length(t.tag) or t.tag ~ '[\\x01-\\x1f\\x7f]'))""";

	/**
	 * The score without history (see {@link RankingModel}), with the most history can
	 * add, and 0.001 for the rounding of the score and of the sum.
	 */
	private static final String BOUND = "0.40 * case when :tagCount = 0 or p.organization_id is null then 0 else "
			+ TAGS + "::float8 / :tagCount end + 0.10 * case when :anySize "
			+ "or coalesce(p.customer_sizes, cast(:currentSizes as text[])) && cast(:sizes as text[]) then 1 else 0 end "
			+ "+ 0.15 * case when :anyCountry or " + COUNTRY + " = any(cast(:sameCountry as text[])) then 1 when "
			+ COUNTRY + " = any(cast(:sameRegion as text[])) then 0.5 else 0 end "
			+ "+ 0.15 * coalesce(s.score::float8, 0.5) + 0.20 + 0.001";

	private final JdbcClient jdbc;

	CandidateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every candidate location of the vendor's program, with no history yet, by
	 * decreasing bound; read as it is consumed (close the stream).
	 */
	Stream<Bounded> byBound(OrganizationId vendor, RecommendationQuery query, int fetchSize) {
		List<String> wanted = query.tags().stream().map(RankingModel::key).toList();
		return this.jdbc.sql("""
				select l.id, l.organization_id, l.name, l.city, l.country, o.name as partner_name,
				       p.industries, p.products, p.services, p.customer_sizes,
				       s.answered, s.expired, s.median_response_seconds, s.score, %s as bound
				from partner_location_v l
				join partner_organization_v o on o.id = l.organization_id
				left join partner_business_profile_v p on p.organization_id = l.organization_id
				     and p.region = case when %s = any(cast(:americas as text[])) then 'AMERICAS'
				                         when %s = any(cast(:apac as text[])) then 'APAC' else 'EMEA' end
				left join partner_responsiveness s on s.organization_id = l.organization_id
				where o.vendor_id = :vendor and o.kind = 'PARTNER'
				order by bound desc""".formatted(BOUND, COUNTRY, COUNTRY))
			.withFetchSize(fetchSize)
			.param("vendor", vendor.value())
			.param("wanted", wanted.toArray(String[]::new))
			.param("tagCount", wanted.size())
			.param("anySize", query.size() == null)
			.param("currentSizes", codes(CompanySize.current()))
			.param("sizes", query.size() == null ? new String[0] : codes(overlapping(query.size())))
			.param("anyCountry", query.country() == null)
			.param("sameCountry", countries(query.country(), 1))
			.param("sameRegion", countries(query.country(), 0.5))
			.param("americas", Region.AMERICAS.countries().toArray(String[]::new))
			.param("apac", Region.APAC.countries().toArray(String[]::new))
			.query(CandidateRepository::bounded)
			.stream();
	}

	/**
	 * The country codes (upper case) that {@link RankingModel#country} gives this value
	 * for the customer's country; the customer's own among those that count as it.
	 */
	private static String[] countries(@Nullable String wanted, double value) {
		if (wanted == null) {
			return new String[0];
		}
		Stream<String> codes = Arrays.stream(Locale.getISOCountries())
			.filter(code -> RankingModel.country(wanted, code) == value);
		return (value == 1 ? Stream.concat(Stream.of(wanted), codes) : codes).toArray(String[]::new);
	}

	private static Bounded bounded(ResultSet rs, int row) throws SQLException {
		OrganizationId partner = new OrganizationId(rs.getObject("organization_id", UUID.class));
		Place place = new Place(new LocationId(rs.getObject("id", UUID.class)), partner, rs.getString("name"),
				rs.getString("city"), rs.getString("country"));
		// a location without a profile in its region has no tags and turns no size away
		boolean profiled = rs.getArray("customer_sizes") != null;
		Expertise expertise = profiled ? new Expertise(strings(rs.getArray("industries")),
				strings(rs.getArray("products")), strings(rs.getArray("services")), List.of()) : Expertise.NONE;
		Set<CompanySize> sizes = profiled ? sizes(strings(rs.getArray("customer_sizes"))) : CompanySize.current();
		ResponsivenessScore responsiveness = rs.getObject("score") == null ? ResponsivenessScore.neutral(partner)
				: ResponsivenessRepository.score(rs, row);
		return new Bounded(new Candidate(place, rs.getString("partner_name"), expertise, sizes, responsiveness,
				SimilarLeads.none(partner)), rs.getDouble("bound"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private static Set<CompanySize> sizes(List<String> codes) {
		Set<CompanySize> sizes = EnumSet.noneOf(CompanySize.class);
		codes.forEach(code -> sizes.add(CompanySize.fromCode(code).orElseThrow()));
		return sizes;
	}

	private static Set<CompanySize> overlapping(CompanySize size) {
		Set<CompanySize> overlapping = EnumSet.noneOf(CompanySize.class);
		Arrays.stream(CompanySize.values()).filter(size::overlaps).forEach(overlapping::add);
		return overlapping;
	}

	private static String[] codes(Set<CompanySize> sizes) {
		return sizes.stream().map(CompanySize::code).toArray(String[]::new);
	}

	/**
	 * A candidate and the most it can score: what it scores without history, plus the
	 * most history can add.
	 */
	record Bounded(Candidate candidate, double bound) {
	}

}
