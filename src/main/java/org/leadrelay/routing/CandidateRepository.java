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
	 * Every country code, with its region and how well it fits the customer's country
	 * (RankingModel.country): a hash join, where a list per location would be read
	 * through. A code outside ISO 3166 fits only itself and lies in EMEA.
	 */
	private static final List<String> CODES = List.of(Locale.getISOCountries());

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
	 * The score without history (see {@link RankingModel}), with the most history can add
	 * (0.20), and 0.001 for the rounding of the score and of the sum; in double
	 * precision, as numeric arithmetic on every location costs more.
	 */
	private static final String BOUND = "0.40::float8 * case when :tagCount = 0 or p.organization_id is null "
			+ "then 0 else " + TAGS + "::float8 / :tagCount end + 0.10::float8 * case when :anySize "
			+ "or coalesce(p.customer_sizes, cast(:currentSizes as text[])) && cast(:sizes as text[]) then 1 else 0 end "
			+ "+ 0.15::float8 * case when :anyCountry then 1 else coalesce(c.fit, case when " + COUNTRY
			+ " = :country then 1 else 0 end) end + 0.15::float8 * coalesce(s.score::float8, 0.5) + 0.201::float8";

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
				left join unnest(cast(:codes as text[]), cast(:regions as text[]), cast(:fits as float8[]))
				     c(code, region, fit) on c.code = %s
				left join partner_business_profile_v p on p.organization_id = l.organization_id
				     and p.region = coalesce(c.region, 'EMEA')
				left join partner_responsiveness s on s.organization_id = l.organization_id
				where o.vendor_id = :vendor and o.kind = 'PARTNER'
				order by bound desc""".formatted(BOUND, COUNTRY))
			.withFetchSize(fetchSize)
			.param("vendor", vendor.value())
			.param("wanted", wanted.toArray(String[]::new))
			.param("tagCount", wanted.size())
			.param("anySize", query.size() == null)
			.param("currentSizes", codes(CompanySize.current()))
			.param("sizes", query.size() == null ? new String[0] : codes(overlapping(query.size())))
			.param("anyCountry", query.country() == null)
			.param("country", query.country() == null ? "" : query.country())
			.param("codes", CODES.toArray(String[]::new))
			.param("regions", CODES.stream().map(code -> Region.of(code).orElseThrow().name()).toArray(String[]::new))
			.param("fits",
					CODES.stream()
						.mapToDouble(code -> query.country() == null ? 1 : RankingModel.country(query.country(), code))
						.boxed()
						.toArray(Double[]::new))
			.query(CandidateRepository::bounded)
			.stream();
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
