package org.leadrelay.routing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Region;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.SimilarLeads;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * The current locations of a program's partners with the profile of their region and the
 * partner's responsiveness (the partner module's published views, V142 and V157), each
 * with an upper bound of its score, in parts that deliver the best bound first.
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
	 * case) the profile could list, by its tag keys (V157): a tag of printable ASCII is
	 * compared as Java would compare it; any other ('*') could match, so that the bound
	 * never falls below the score.
	 */
	private static final String TAGS = "(select count(*) from unnest(cast(:wanted as text[])) w(tag) "
			+ "where w.tag = any(p.tag_keys) or '*' = any(p.tag_keys))";

	/** How well the location's country fits the customer's (RankingModel.country). */
	private static final String COUNTRY_FIT = "case when :anyCountry then 1 else coalesce(c.fit, case when " + COUNTRY
			+ " = :country then 1 else 0 end) end";

	/** Whether the profile serves the customer's size; no profile turns none away. */
	private static final String SIZE_FIT = "case when :anySize or coalesce(p.customer_sizes, "
			+ "cast(:currentSizes as text[])) && cast(:sizes as text[]) then 1 else 0 end";

	/**
	 * Whether the location's profile could list a wanted tag ({@link #TAGS} counts one at
	 * least), by the profile's tag keys (V157; {@link #WITH_TAGS} finds them through
	 * their index); every other location's bound has no tag part.
	 */
	private static final String TAGGED = "coalesce(p.tag_keys && cast(:keys as text[]), false)";

	/**
	 * What a bound adds to the score without history: the most history can add (0.20),
	 * what rounding the score to three decimals can add (half its step: a candidate ties
	 * with the tenth best only when its unrounded score reaches within 0.0005 of it), and
	 * a millionth for the float sums' differences. Every score stays below its bound.
	 */
	static final double HEADROOM = 0.200501;

	/**
	 * The score without history (see {@link RankingModel}) with {@link #HEADROOM}; in
	 * double precision, as numeric arithmetic costs more.
	 */
	private static final String BOUND = "0.40::float8 * case when :tagCount = 0 or p.organization_id is null "
			+ "then 0 else " + TAGS + "::float8 / :tagCount end + 0.10::float8 * " + SIZE_FIT + " + 0.15::float8 * "
			+ COUNTRY_FIT + " + 0.15::float8 * coalesce(s.score::float8, 0.5) + " + HEADROOM + "::float8";

	/** A location with its region's profile. */
	private static final String LOCATION = """
			l.id, l.organization_id, l.name, l.city, l.country,
			p.industries, p.products, p.services, p.customer_sizes""";

	/** A partner with its responsiveness. */
	private static final String PARTNER = """
			o.name as partner_name, s.answered, s.expired, s.median_response_seconds, s.score""";

	/** The location's country with its fit and region, and the profile of that region. */
	private static final String LOCATED = """
			left join unnest(cast(:codes as text[]), cast(:regions as text[]), cast(:fits as float8[]))
			     c(code, region, fit) on c.code = %s
			left join partner_business_profile_v p on p.organization_id = l.organization_id
			     and p.region = coalesce(c.region, 'EMEA')""".formatted(COUNTRY);

	/**
	 * The current locations of the program whose profile could list a wanted tag: few,
	 * found through the profiles' index, scored in full.
	 */
	private static final String WITH_TAGS = """
			select %s, %s, %s as bound
			from partner_location_v l
			join partner_organization_v o on o.id = l.organization_id
			%s
			left join partner_responsiveness s on s.organization_id = l.organization_id
			where o.vendor_id = :vendor and o.kind = 'PARTNER' and p.tag_keys && cast(:keys as text[])
			order by bound desc""".formatted(LOCATION, PARTNER, BOUND, LOCATED);

	/**
	 * The next partners of the program with a responsiveness, most responsive first,
	 * through partner_responsiveness_score_idx (V158), with what their candidates need.
	 */
	private static final String RESPONSIVE = """
			select s.organization_id, %s
			from partner_responsiveness s
			join partner_organization_v o on o.id = s.organization_id
			where o.vendor_id = :vendor and o.kind = 'PARTNER' %%s
			order by s.score desc, s.organization_id desc
			limit :limit""".formatted(PARTNER);

	/** The next partners of the program without a responsiveness, by id. */
	private static final String NEUTRAL = """
			select o.id as organization_id, o.name as partner_name, null::real as score
			from partner_organization_v o
			where o.vendor_id = :vendor and o.kind = 'PARTNER'
			  and not exists (select from partner_responsiveness s where s.organization_id = o.id) %s
			order by o.id
			limit :limit""";

	/**
	 * The current locations of the given partners, in their order, whose profile could
	 * list none of the wanted tags, of one country and size fit; the partners' page
	 * brought their name and responsiveness.
	 */
	private static final String FITTING = """
			select %s
			from unnest(cast(:partners as uuid[])) with ordinality as page(organization_id, position)
			join partner_location_v l on l.organization_id = page.organization_id
			%s
			where not %s and %s = :fit and %s = :size
			order by page.position""".formatted(LOCATION, LOCATED, TAGGED, COUNTRY_FIT, SIZE_FIT);

	/** The partners of a part's first page; each next one is twice as many. */
	static final int FIRST_PAGE = 64;

	private static final String[] CODE_ARRAY = CODES.toArray(String[]::new);

	private static final String[] REGIONS = CODES.stream()
		.map(code -> Region.of(code).orElseThrow().name())
		.toArray(String[]::new);

	private final JdbcClient jdbc;

	CandidateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The candidate locations of the vendor's program in parts that each deliver their
	 * own best bound first, read page by page; {@link CandidateStream} merges them. Those
	 * whose profile could list a wanted tag form one part; the others, whose bound is
	 * their fits and their partner's responsiveness, one part per country and size fit
	 * and per whether the partner has a responsiveness (read most responsive first) or
	 * not (all of one bound).
	 */
	List<Part> parts(OrganizationId vendor, RecommendationQuery query) {
		List<Part> parts = new ArrayList<>();
		if (!query.tags().isEmpty()) {
			parts.add(new WithTags(vendor, query));
		}
		for (double fit : query.country() == null ? List.of(1.0) : List.of(1.0, 0.5, 0.0)) {
			for (int size : query.size() == null ? List.of(1) : List.of(1, 0)) {
				parts.add(new Fitting(vendor, query, fit, size, true));
				parts.add(new Fitting(vendor, query, fit, size, false));
			}
		}
		return parts;
	}

	private StatementSpec statement(String sql, OrganizationId vendor, RecommendationQuery query) {
		List<String> wanted = query.tags().stream().map(RankingModel::key).toList();
		// '*' stands for the tags that could match any (V157)
		String[] keys = wanted.isEmpty() ? new String[0]
				: Stream.concat(wanted.stream(), Stream.of("*")).toArray(String[]::new);
		return this.jdbc.sql(sql)
			.param("vendor", vendor.value())
			.param("wanted", wanted.toArray(String[]::new))
			.param("keys", keys)
			.param("tagCount", wanted.size())
			.param("anySize", query.size() == null)
			.param("currentSizes", codes(CompanySize.current()))
			.param("sizes", query.size() == null ? new String[0] : codes(overlapping(query.size())))
			.param("anyCountry", query.country() == null)
			.param("country", query.country() == null ? "" : query.country())
			.param("codes", CODE_ARRAY)
			.param("regions", REGIONS)
			.param("fits",
					CODES.stream()
						.mapToDouble(code -> query.country() == null ? 1 : RankingModel.country(query.country(), code))
						.boxed()
						.toArray(Double[]::new));
	}

	/** A candidate whose row holds its partner and bound too. */
	private static Bounded bounded(ResultSet rs, int row) throws SQLException {
		return new Bounded(candidate(rs, partner(rs, row)), rs.getDouble("bound"));
	}

	/** The row's partner, with its responsiveness or without one. */
	private static Partner partner(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("organization_id", UUID.class);
		ResponsivenessScore responsiveness = rs.getObject("score") == null
				? ResponsivenessScore.neutral(new OrganizationId(id)) : ResponsivenessRepository.score(rs, row);
		return new Partner(id, rs.getString("partner_name"), responsiveness);
	}

	/** The row's location, with its region's profile, as the partner's candidate. */
	private static Candidate candidate(ResultSet rs, Partner partner) throws SQLException {
		OrganizationId organization = new OrganizationId(partner.id());
		Place place = new Place(new LocationId(rs.getObject("id", UUID.class)), organization, rs.getString("name"),
				rs.getString("city"), rs.getString("country"));
		// a location without a profile in its region has no tags and turns no size away
		boolean profiled = rs.getArray("customer_sizes") != null;
		Expertise expertise = profiled ? new Expertise(strings(rs.getArray("industries")),
				strings(rs.getArray("products")), strings(rs.getArray("services")), List.of()) : Expertise.NONE;
		Set<CompanySize> sizes = profiled ? sizes(strings(rs.getArray("customer_sizes"))) : CompanySize.current();
		return new Candidate(place, partner.name(), expertise, sizes, partner.responsiveness(),
				SimilarLeads.none(organization));
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
	 * Candidates that deliver their best bound first, a page at a time; no page holds a
	 * bound above {@link #ceiling()}, nor above the last one of the page before.
	 */
	interface Part {

		double ceiling();

		/** The next candidates; none when the part has no more. */
		List<Bounded> next();

	}

	/** The locations whose profile could list a wanted tag, read whole. */
	private final class WithTags implements Part {

		private final OrganizationId vendor;

		private final RecommendationQuery query;

		private boolean read;

		WithTags(OrganizationId vendor, RecommendationQuery query) {
			this.vendor = vendor;
			this.query = query;
		}

		/** The highest bound there is: a perfect score, with what the bound spares. */
		@Override
		public double ceiling() {
			return 1.0 + HEADROOM;
		}

		@Override
		public List<Bounded> next() {
			if (this.read) {
				return List.of();
			}
			this.read = true;
			return statement(WITH_TAGS, this.vendor, this.query).query(CandidateRepository::bounded).list();
		}

	}

	/**
	 * The locations of one country and size fit whose profile could list none of the
	 * wanted tags, of partners with a responsiveness (most responsive first: the bound
	 * falls with it) or without (all of one bound), read partner by partner in pages that
	 * double.
	 */
	private final class Fitting implements Part {

		private final OrganizationId vendor;

		private final RecommendationQuery query;

		private final double fit;

		private final int size;

		private final boolean responsive;

		private int page = FIRST_PAGE;

		private @Nullable Partner last;

		private boolean exhausted;

		Fitting(OrganizationId vendor, RecommendationQuery query, double fit, int size, boolean responsive) {
			this.vendor = vendor;
			this.query = query;
			this.fit = fit;
			this.size = size;
			this.responsive = responsive;
		}

		@Override
		public double ceiling() {
			return bound(this.responsive ? 1 : ResponsivenessScore.NEUTRAL);
		}

		/**
		 * The bound of this part's locations (see {@link #BOUND}: no tag part), by their
		 * partner's responsiveness.
		 */
		private double bound(double responsiveness) {
			return 0.10 * this.size + 0.15 * this.fit + 0.15 * responsiveness + HEADROOM;
		}

		@Override
		public List<Bounded> next() {
			while (!this.exhausted) {
				String after = this.last == null ? "" : this.responsive
						? "and (s.score, s.organization_id) < (:score, :partner)" : "and o.id > :partner";
				List<Partner> partners = CandidateRepository.this.jdbc
					.sql((this.responsive ? RESPONSIVE : NEUTRAL).formatted(after))
					.param("vendor", this.vendor.value())
					.param("limit", this.page)
					// as stored (real), for the index's order
					.param("score", this.last == null ? 0f : (float) this.last.responsiveness().score())
					.param("partner", this.last == null ? this.vendor.value() : this.last.id())
					.query(CandidateRepository::partner)
					.list();
				this.exhausted = partners.size() < this.page;
				this.page *= 2;
				if (partners.isEmpty()) {
					break;
				}
				this.last = partners.get(partners.size() - 1);
				Map<UUID, Partner> byId = partners.stream().collect(Collectors.toMap(Partner::id, Function.identity()));
				List<Bounded> found = statement(FITTING, this.vendor, this.query)
					.param("partners", SqlValues.uuidArray(partners.stream().map(Partner::id).toList()))
					.param("fit", this.fit)
					.param("size", this.size)
					.query((rs, row) -> {
						Partner partner = byId.get(rs.getObject("organization_id", UUID.class));
						return new Bounded(candidate(rs, partner), bound(partner.responsiveness().score()));
					})
					.list();
				if (!found.isEmpty()) {
					return found;
				}
			}
			return List.of();
		}

	}

	/** A partner of the program, with what its candidates need. */
	private record Partner(UUID id, String name, ResponsivenessScore responsiveness) {
	}

	/**
	 * A candidate and the most it can score: what it scores without history, plus the
	 * most history can add.
	 */
	record Bounded(Candidate candidate, double bound) {
	}

}
