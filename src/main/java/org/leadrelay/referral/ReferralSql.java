package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ReferralFilter.And;
import org.leadrelay.referral.ReferralFilter.Comparison;
import org.leadrelay.referral.ReferralFilter.NameContains;
import org.leadrelay.referral.ReferralFilter.Operator;
import org.leadrelay.referral.ReferralFilter.Or;
import org.leadrelay.referral.ReferralQuery.Cursor;

/**
 * Turns a scope, a {@link ReferralFilter} tree, a sort and a cursor into a SQL
 * {@code where} and {@code order by} over {@code referral r}. Column names come from this
 * class only; every value is a bound parameter.
 */
final class ReferralSql {

	private final StringBuilder where = new StringBuilder();

	private final List<Object> params = new ArrayList<>();

	private final ReferralScope scope;

	private final String principalId;

	private ReferralSql(ReferralScope scope, String principalId) {
		this.scope = scope;
		this.principalId = principalId;
		this.where.append(scope.predicate());
		this.params.addAll(scope.params());
	}

	static ReferralSql where(ReferralScope scope, String principalId, @Nullable ReferralFilter filter) {
		ReferralSql sql = new ReferralSql(scope, principalId);
		if (filter != null) {
			sql.where.append(" and ");
			sql.append(filter);
		}
		return sql;
	}

	/**
	 * The favorite flag of the caller, as a select-list expression; its parameter comes
	 * first.
	 */
	static String favoriteColumn() {
		return "exists (select 1 from referral_favorite f where f.organization_id = r.organization_id "
				+ "and f.principal_id = ? and f.referral_id = r.id) as favorite";
	}

	ReferralSql after(Cursor cursor, ReferralSort sort) {
		String column = "r." + sort.field().column();
		String compare = sort.descending() ? "<" : ">";
		this.where.append(" and ");
		if (!sort.field().nullable()) {
			this.where.append("(").append(column).append(", r.id) ").append(compare).append(" (?, ?)");
			this.params.add(value(cursor.value()));
			this.params.add(cursor.id().value());
		}
		else if (cursor.value() == null) {
			this.where.append("(").append(column).append(" is null and r.id ").append(compare).append(" ?)");
			this.params.add(cursor.id().value());
		}
		else {
			this.where.append("(")
				.append(column)
				.append(' ')
				.append(compare)
				.append(" ? or (")
				.append(column)
				.append(" = ? and r.id ")
				.append(compare)
				.append(" ?) or ")
				.append(column)
				.append(" is null)");
			this.params.add(value(cursor.value()));
			this.params.add(value(cursor.value()));
			this.params.add(cursor.id().value());
		}
		return this;
	}

	static String orderBy(ReferralSort sort) {
		String direction = sort.descending() ? " desc" : " asc";
		String nulls = sort.field().nullable() ? " nulls last" : "";
		return " order by r." + sort.field().column() + direction + nulls + ", r.id" + direction;
	}

	String where() {
		return this.where.toString();
	}

	List<Object> params() {
		return this.params;
	}

	private void append(ReferralFilter filter) {
		if (filter instanceof And and) {
			join(and.operands(), " and ");
		}
		else if (filter instanceof Or or) {
			join(or.operands(), " or ");
		}
		else if (filter instanceof Comparison comparison) {
			compare(comparison);
		}
		else if (filter instanceof NameContains contains) {
			String pattern = "%" + contains.text()
				.toLowerCase(Locale.ROOT)
				.replace("\\", "\\\\")
				.replace("%", "\\%")
				.replace("_", "\\_") + "%";
			this.where.append("(lower(r.customer_name) like ? or lower(r.name) like ?)");
			this.params.add(pattern);
			this.params.add(pattern);
		}
	}

	private void join(List<ReferralFilter> operands, String operator) {
		if (operands.isEmpty()) {
			this.where.append(operator.equals(" and ") ? "true" : "false");
			return;
		}
		this.where.append('(');
		for (int i = 0; i < operands.size(); i++) {
			if (i > 0) {
				this.where.append(operator);
			}
			append(operands.get(i));
		}
		this.where.append(')');
	}

	private void compare(Comparison comparison) {
		Object value = comparison.value();
		boolean negated = comparison.operator() == Operator.NE;
		switch (comparison.field()) {
			case STATUS -> {
				if (value == null) {
					this.where.append(negated ? "true" : "false");
					return;
				}
				List<Substatus> substatuses = Substatus.of((Status) value);
				this.where.append("r.substatus ").append(negated ? "not in (" : "in (");
				for (int i = 0; i < substatuses.size(); i++) {
					this.where.append(i > 0 ? ", ?" : "?");
					this.params.add(substatuses.get(i).name());
				}
				this.where.append(')');
			}
			case SUBSTATUS ->
				column("r.substatus", comparison.operator(), value == null ? null : ((Enum<?>) value).name());
			case QUALIFICATION ->
				column("r.qualification", comparison.operator(), value == null ? null : ((Enum<?>) value).name());
			case TYPE -> column("r.type", comparison.operator(), value == null ? null : ((Enum<?>) value).name());
			case DIRECTION -> direction((Direction) value, negated);
			case FAVORITE -> {
				boolean wanted = Boolean.TRUE.equals(value) != negated;
				this.where.append(wanted ? "" : "not ")
					.append("exists (select 1 from referral_favorite f where f.organization_id = r.organization_id "
							+ "and f.principal_id = ? and f.referral_id = r.id)");
				this.params.add(this.principalId);
			}
			case CREATED -> column("r.created_at", comparison.operator(), value);
			case UPDATED -> column("r.updated_at", comparison.operator(), value);
			case EXPIRATION -> column("r.expires_at", comparison.operator(), value);
			case CUSTOMER_COUNTRY -> column("r.customer_country", comparison.operator(),
					value == null ? null : ((String) value).toUpperCase(Locale.ROOT));
			case DEAL_VALUE -> column("r.deal_value", comparison.operator(), value);
			case ORIGIN -> column("r.origin", comparison.operator(), value == null ? null : ((Enum<?>) value).name());
			case CONTACT_REQUESTED -> this.where.append("r.contact_requested_at is ")
				.append(Boolean.TRUE.equals(value) != negated ? "not null" : "null");
		}
	}

	/**
	 * As {@link ViewedReferral} tells it: the viewer's own deals and the records of
	 * others that are not deals (leads the vendor sent) go out; the rest comes in.
	 */
	private void direction(@Nullable Direction value, boolean negated) {
		if (value == null) {
			this.where.append(negated ? "true" : "false");
			return;
		}
		boolean outgoing = (value == Direction.Outgoing) != negated;
		this.where.append("((r.organization_id = ?) ").append(outgoing ? "=" : "<>").append(" (r.origin = 'Deal'))");
		this.params.add(this.scope.organizationId().value());
	}

	private void column(String column, Operator operator, @Nullable Object value) {
		if (value == null) {
			this.where.append(column).append(operator == Operator.EQ ? " is null" : " is not null");
			return;
		}
		this.where.append(column).append(' ').append(sql(operator)).append(" ?");
		this.params.add(value(value));
	}

	private static Object value(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return SqlValues.timestamp(instant);
		}
		if (value instanceof BigDecimal || value instanceof String) {
			return value;
		}
		throw new IllegalArgumentException("Unsupported value " + value);
	}

	private static String sql(Operator operator) {
		return switch (operator) {
			case EQ -> "=";
			case NE -> "<>";
			case GT -> ">";
			case LT -> "<";
			case GE -> ">=";
			case LE -> "<=";
		};
	}

}
