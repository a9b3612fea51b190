package org.leadrelay.routing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * The current locations of a program's partners (routing's copy of them, V168, with the
 * partner's responsiveness) with the profile of their region (the partner module's
 * published view, V142, V157), each with an upper bound of its score, in parts that
 * deliver the best bound first.
 */
@Repository
class CandidateRepository {

	/**
	 * How many of the wanted tags (as {@link RankingModel} compares them: stripped, lower
	 * case) the profile could list, by its tag keys (V157): a tag of printable ASCII is
	 * compared as Java would compare it; any other ('*') could match, so that the bound
	 * never falls below the score.
	 */
	private static final String TAGS = "(select count(*) from unnest(cast(:wanted as text[])) w(tag) "
			+ "where w.tag = any(p.tag_keys) or '*' = any(p.tag_keys))";

	/**
	 * How well the location's country fits the customer's (RankingModel.country): a code
	 * outside ISO 3166 has no region and fits only itself.
	 */
	private static final String COUNTRY_FIT = "case when :anyCountry or r.country_code = :country then 1 "
			+ "when r.region = :region then 0.5 else 0 end";

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
			+ COUNTRY_FIT + " + 0.15::float8 * coalesce(r.score::float8, 0.5) + " + HEADROOM + "::float8";

	/**
	 * A location of routing's copy (V168), with its partner's name and responsiveness,
	 * and its region's profile.
	 */
	private static final String CANDIDATE = """
			r.organization_id, r.location_id as id, r.partner_name, r.name, r.city, r.country,
			r.answered, r.expired, r.median_response_seconds, r.score,
			p.industries, p.products, p.services, p.customer_sizes""";

	/** The profile of the location's region; a country outside ISO 3166 lies in EMEA. */
	private static final String PROFILE = "p.organization_id = r.organization_id and p.region = coalesce(r.region, 'EMEA')";

	/**
	 * The current locations of the program whose profile could list a wanted tag: few,
	 * found through the profiles' index, scored in full.
	 */
	private static final String WITH_TAGS = """
			select %s, %s as bound
			from partner_business_profile_v p
			join routing_location r on %s
			where r.vendor_id = :vendor and p.tag_keys && cast(:keys as text[])
			order by bound desc""".formatted(CANDIDATE, BOUND, PROFILE);

	/**
	 * The next locations of one part of routing's copy of the program (V168) in the
	 * part's order, each with its region's profile, which tells the part whether to keep
	 * it: a profile that could list a wanted tag leaves it to {@link #WITH_TAGS}, and the
	 * size fit must be the part's. The copy brings the partner's name and responsiveness.
	 */
	private static final String FITTING = """
			select %s, %s as tagged, %s as size_fit
			from (select * from routing_location r
			      where r.vendor_id = :vendor and %%1$s
			      order by %%2$s limit :limit) r
			left join partner_business_profile_v p on %s
			order by %%2$s""".formatted(CANDIDATE, TAGGED, SIZE_FIT, PROFILE);

	/** The sizes a location without a profile serves: all. */
	private static final Set<CompanySize> EVERY_SIZE = Collections.unmodifiableSet(CompanySize.current());

	private static final String[] CURRENT_SIZES = codes(EVERY_SIZE);

	/**
	 * The locations of a part's first page; each next one is four times as many, at most:
	 * a page leaves out those at or below the stream's floor.
	 */
	static final int FIRST_PAGE = 64;

	private final JdbcClient jdbc;

	CandidateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The candidate locations of the vendor's program in parts that each deliver their
	 * own best bound first, read page by page; {@link CandidateStream} merges them. Those
	 * whose profile could list a wanted tag form one part; the others, whose bound is
	 * their fits and their partner's responsiveness, one part per area of a country fit
	 * (see {@link #areas}), per size fit and per whether the partner has a responsiveness
	 * (read most responsive first) or not (all of one bound).
	 */
	List<Part> parts(OrganizationId vendor, RecommendationQuery query) {
		List<Part> parts = new ArrayList<>();
		if (!query.tags().isEmpty()) {
			parts.add(new WithTags(vendor, query));
		}
		for (double fit : query.country() == null ? List.of(1.0) : List.of(1.0, 0.5, 0.0)) {
			for (Area area : areas(query.country(), fit)) {
				for (int size : query.size() == null ? List.of(1) : List.of(1, 0)) {
					parts.add(new Fitting(vendor, query, area, fit, size, true));
					parts.add(new Fitting(vendor, query, area, fit, size, false));
				}
			}
		}
		return parts;
	}

	/**
	 * Where the locations of a country fit lie (RankingModel.country), each area read
	 * through one index of routing's copy: any country when none is asked for; else the
	 * country itself (1); the rest of its region (0.5); each other region, and the codes
	 * outside ISO 3166 (no region), but for the country itself (0).
	 */
	private static List<Area> areas(@Nullable String country, double fit) {
		if (country == null) {
			return List.of(new Area("true", null));
		}
		Optional<Region> region = Region.of(country);
		if (fit == 1) {
			return List.of(new Area("r.country_code = :country", null));
		}
		if (fit == 0.5) {
			return region.map(same -> new Area("r.region = :region and r.country_code <> :country", same.name()))
				.stream()
				.toList();
		}
		List<Area> areas = new ArrayList<>();
		Arrays.stream(Region.values())
			.filter(other -> region.map(same -> same != other).orElse(true))
			.forEach(other -> areas.add(new Area("r.region = :region", other.name())));
		areas.add(new Area("r.region is null and r.country_code <> :country", null));
		return areas;
	}

	/** The statement with all a bound needs ({@link #WITH_TAGS}). */
	private StatementSpec statement(String sql, OrganizationId vendor, RecommendationQuery query) {
		List<String> wanted = wanted(query);
		return profiled(sql, query, wanted).param("vendor", vendor.value())
			.param("wanted", wanted.toArray(String[]::new))
			.param("tagCount", wanted.size())
			.param("anyCountry", query.country() == null)
			.param("country", query.country() == null ? "" : query.country())
			.param("region",
					query.country() == null ? null : Region.of(query.country()).map(Region::name).orElse(null));
	}

	/**
	 * The statement with what a profile is compared with: the wanted tags' keys
	 * ({@link #TAGGED}) and the customer's size ({@link #SIZE_FIT}).
	 */
	private StatementSpec profiled(String sql, RecommendationQuery query, List<String> wanted) {
		// '*' stands for the tags that could match any (V157)
		String[] keys = wanted.isEmpty() ? new String[0]
				: Stream.concat(wanted.stream(), Stream.of("*")).toArray(String[]::new);
		return this.jdbc.sql(sql)
			.param("keys", keys)
			.param("anySize", query.size() == null)
			.param("currentSizes", CURRENT_SIZES)
			.param("sizes", query.size() == null ? new String[0] : codes(overlapping(query.size())));
	}

	/** The wanted tags as {@link RankingModel} compares them. */
	private static List<String> wanted(RecommendationQuery query) {
		return query.tags().stream().map(RankingModel::key).toList();
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
		Set<CompanySize> sizes = profiled ? sizes(strings(rs.getArray("customer_sizes"))) : EVERY_SIZE;
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

		/**
		 * The next candidates whose bound is above {@code floor}; none when the part has
		 * no more.
		 */
		List<Bounded> next(double floor);

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
		public List<Bounded> next(double floor) {
			if (this.read) {
				return List.of();
			}
			this.read = true;
			return statement(WITH_TAGS, this.vendor, this.query).query(CandidateRepository::bounded)
				.list()
				.stream()
				.filter(bounded -> bounded.bound() > floor)
				.toList();
		}

	}

	/**
	 * The locations of one area of a country fit and of one size fit whose profile could
	 * list none of the wanted tags, of partners with a responsiveness (most responsive
	 * first: the bound falls with it) or without (all of one bound), read from routing's
	 * copy in pages that grow fourfold.
	 */
	private final class Fitting implements Part {

		private final OrganizationId vendor;

		private final RecommendationQuery query;

		private final Area area;

		private final double fit;

		private final int size;

		private final boolean responsive;

		private int page = FIRST_PAGE;

		/** Where the last page ended: the key of its last location, kept or not. */
		private @Nullable Position last;

		private boolean exhausted;

		Fitting(OrganizationId vendor, RecommendationQuery query, Area area, double fit, int size, boolean responsive) {
			this.vendor = vendor;
			this.query = query;
			this.area = area;
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

		/**
		 * The responsiveness a location of this part needs for a bound above
		 * {@code floor}, less a margin for the arithmetic's rounding: the page leaves out
		 * the locations below it, and drops those it reads at or below the floor.
		 */
		private double scoreAbove(double floor) {
			return (floor - bound(0)) / 0.15 - 1e-6;
		}

		@Override
		public List<Bounded> next(double floor) {
			if (ceiling() <= floor) {
				this.exhausted = true;
			}
			while (!this.exhausted) {
				String where = this.area.condition()
						+ (this.responsive ? " and r.score is not null" : " and r.score is null");
				if (this.responsive && floor > Double.NEGATIVE_INFINITY) {
					where += " and r.score > :above";
				}
				if (this.last != null) {
					where += this.responsive
							? " and (r.score, r.organization_id, r.location_id) < (:score, :partner, :location)"
							: " and (r.organization_id, r.location_id) > (:partner, :location)";
				}
				String order = this.responsive ? "r.score desc, r.organization_id desc, r.location_id desc"
						: "r.organization_id, r.location_id";
				List<Bounded> found = new ArrayList<>();
				List<Position> read = profiled(FITTING.formatted(where, order), this.query, wanted(this.query))
					.param("vendor", this.vendor.value())
					.param("country", this.query.country() == null ? "" : this.query.country())
					.param("region", this.area.region())
					.param("limit", this.page)
					// as stored (real), for the index's order
					.param("score", this.last == null ? 0f : this.last.score())
					.param("partner", this.last == null ? this.vendor.value() : this.last.partner())
					.param("location", this.last == null ? this.vendor.value() : this.last.location())
					.param("above", scoreAbove(floor))
					.query((rs, row) -> {
						if (!rs.getBoolean("tagged") && rs.getInt("size_fit") == this.size) {
							Partner partner = partner(rs, row);
							// the score as stored (real): read as text it may come back
							// rounded to fewer digits than read in binary, and the bounds
							// must keep their order
							double bound = bound((float) partner.responsiveness().score());
							if (bound > floor) {
								found.add(new Bounded(candidate(rs, partner), bound));
							}
						}
						return new Position(rs.getFloat("score"), rs.getObject("organization_id", UUID.class),
								rs.getObject("id", UUID.class));
					})
					.list();
				this.exhausted = read.size() < this.page;
				this.page *= 4;
				if (!read.isEmpty()) {
					this.last = read.get(read.size() - 1);
				}
				if (!found.isEmpty()) {
					return found;
				}
			}
			return List.of();
		}

	}

	/** Where the locations of a country fit lie: a condition on routing's copy. */
	private record Area(String condition, @Nullable String region) {
	}

	/** A location's place in its part's order. */
	private record Position(float score, UUID partner, UUID location) {
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
