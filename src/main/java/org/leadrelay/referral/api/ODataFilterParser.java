package org.leadrelay.referral.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Direction;
import org.leadrelay.referral.Origin;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.ReferralFilter;
import org.leadrelay.referral.ReferralFilter.Comparison;
import org.leadrelay.referral.ReferralFilter.Field;
import org.leadrelay.referral.ReferralFilter.Operator;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Status;
import org.leadrelay.referral.Substatus;
import org.leadrelay.shared.DomainException;

/**
 * Parses the OData {@code $filter} subset of the Referrals API into a
 * {@link ReferralFilter} tree: comparisons ({@code eq ne gt lt ge le}) of a supported
 * property with a literal, combined with {@code and}, {@code or} and parentheses.
 * Anything else is refused with a message that points at the offending part; nothing of
 * the text ever reaches SQL.
 *
 * <pre>
 * filter     = or
 * or         = and *( "or" and )
 * and        = primary *( "and" primary )
 * primary    = "(" or ")" / comparison
 * comparison = property operator literal
 * </pre>
 */
final class ODataFilterParser {

	static final int MAX_LENGTH = 2000;

	private static final int MAX_DEPTH = 16;

	private static final int MAX_COMPARISONS = 64;

	private static final BigDecimal MAX_NUMBER = BigDecimal.TEN.pow(17);

	private static final String TARGET = "$filter";

	private static final Map<String, Field> PROPERTIES = Map.ofEntries(Map.entry("status", Field.STATUS),
			Map.entry("substatus", Field.SUBSTATUS), Map.entry("qualification", Field.QUALIFICATION),
			Map.entry("type", Field.TYPE), Map.entry("direction", Field.DIRECTION),
			Map.entry("favorite", Field.FAVORITE), Map.entry("createdDateTime", Field.CREATED),
			Map.entry("updatedDateTime", Field.UPDATED), Map.entry("expirationDateTime", Field.EXPIRATION),
			Map.entry("customerProfile/address/country", Field.CUSTOMER_COUNTRY),
			Map.entry("details/dealValue", Field.DEAL_VALUE),
			Map.entry("details/customerRequestedContact", Field.CONTACT_REQUESTED));

	private static final Map<String, Operator> OPERATORS = Map.of("eq", Operator.EQ, "ne", Operator.NE, "gt",
			Operator.GT, "lt", Operator.LT, "ge", Operator.GE, "le", Operator.LE);

	private final List<Token> tokens;

	private int position;

	private int depth;

	private int comparisons;

	private ODataFilterParser(List<Token> tokens) {
		this.tokens = tokens;
	}

	static ReferralFilter parse(String text) {
		if (text.length() > MAX_LENGTH) {
			throw invalid("$filter is longer than " + MAX_LENGTH + " characters");
		}
		ODataFilterParser parser = new ODataFilterParser(new Tokenizer(text).tokenize());
		if (parser.tokens.isEmpty()) {
			throw invalid("$filter is empty");
		}
		ReferralFilter filter = parser.or();
		if (parser.position < parser.tokens.size()) {
			Token extra = parser.tokens.get(parser.position);
			throw invalid("unexpected '" + extra.text() + "' at position " + extra.start()
					+ "; combine conditions with 'and' or 'or'");
		}
		return filter;
	}

	private ReferralFilter or() {
		List<ReferralFilter> operands = new ArrayList<>();
		operands.add(and());
		while (acceptKeyword("or")) {
			operands.add(and());
		}
		return operands.size() == 1 ? operands.get(0) : new ReferralFilter.Or(operands);
	}

	private ReferralFilter and() {
		List<ReferralFilter> operands = new ArrayList<>();
		operands.add(primary());
		while (acceptKeyword("and")) {
			operands.add(primary());
		}
		return operands.size() == 1 ? operands.get(0) : new ReferralFilter.And(operands);
	}

	private ReferralFilter primary() {
		Token token = next("a condition");
		if (token.kind() == Kind.OPEN) {
			if (++this.depth > MAX_DEPTH) {
				throw invalid("parentheses nest deeper than " + MAX_DEPTH + " levels");
			}
			ReferralFilter inner = or();
			Token close = next("')'");
			if (close.kind() != Kind.CLOSE) {
				throw invalid("expected ')' at position " + close.start() + " but found '" + close.text() + "'");
			}
			this.depth--;
			return inner;
		}
		if (token.kind() != Kind.WORD) {
			throw invalid("expected a property at position " + token.start() + " but found '" + token.text() + "'");
		}
		if (token.text().equals("not")) {
			throw invalid("'not' is not supported (position " + token.start() + "); use 'ne' or invert the comparison");
		}
		if (this.position < this.tokens.size() && this.tokens.get(this.position).kind() == Kind.OPEN) {
			throw invalid(
					"functions such as '" + token.text() + "(...)' are not supported (position " + token.start() + ")");
		}
		Field field = PROPERTIES.get(token.text());
		if (field == null) {
			throw invalid("unknown property '" + token.text() + "' at position " + token.start()
					+ "; filterable properties are "
					+ String.join(", ", PROPERTIES.keySet().stream().sorted().toList()));
		}
		Token operatorToken = next("an operator");
		Operator operator = OPERATORS.get(operatorToken.text().toLowerCase(Locale.ROOT));
		if (operatorToken.kind() != Kind.WORD || operator == null) {
			throw invalid("expected an operator (eq, ne, gt, lt, ge, le) after '" + token.text() + "' at position "
					+ operatorToken.start() + " but found '" + operatorToken.text() + "'");
		}
		if (!field.ordered() && operator != Operator.EQ && operator != Operator.NE) {
			throw invalid("'" + token.text() + "' only supports eq and ne (position " + operatorToken.start() + ")");
		}
		Token literal = next("a value");
		Object value = value(field, token.text(), literal);
		if (value == null && operator != Operator.EQ && operator != Operator.NE) {
			throw invalid("null only compares with eq and ne (position " + literal.start() + ")");
		}
		if (++this.comparisons > MAX_COMPARISONS) {
			throw invalid("more than " + MAX_COMPARISONS + " comparisons");
		}
		return new Comparison(field, operator, value);
	}

	private @Nullable Object value(Field field, String property, Token literal) {
		if (literal.kind() == Kind.WORD && literal.text().equals("null")) {
			return null;
		}
		return switch (field) {
			case STATUS -> enumLiteral(property, literal, Status.class);
			case SUBSTATUS -> enumLiteral(property, literal, Substatus.class);
			case QUALIFICATION -> enumLiteral(property, literal, Qualification.class);
			case TYPE -> enumLiteral(property, literal, ReferralType.class);
			case DIRECTION -> enumLiteral(property, literal, Direction.class);
			case FAVORITE, CONTACT_REQUESTED -> booleanLiteral(property, literal);
			case CREATED, UPDATED, EXPIRATION -> instantLiteral(property, literal);
			case CUSTOMER_COUNTRY -> countryLiteral(property, literal);
			case DEAL_VALUE -> numberLiteral(property, literal);
			// no property of the API names it (see PROPERTIES)
			case ORIGIN -> enumLiteral(property, literal, Origin.class);
		};
	}

	private static <E extends Enum<E>> E enumLiteral(String property, Token literal, Class<E> type) {
		if (literal.kind() != Kind.STRING) {
			throw invalid("'" + property + "' compares with a quoted value such as '" + type.getEnumConstants()[0]
					+ "' (position " + literal.start() + ")");
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(literal.text())) {
				return constant;
			}
		}
		throw invalid("'" + ApiValues.abbreviate(literal.text()) + "' is not a valid " + property + " (position "
				+ literal.start() + "); use one of " + ApiValues.names(type));
	}

	private static Boolean booleanLiteral(String property, Token literal) {
		if (literal.kind() == Kind.WORD && (literal.text().equals("true") || literal.text().equals("false"))) {
			return Boolean.valueOf(literal.text());
		}
		throw invalid("'" + property + "' compares with true or false (position " + literal.start() + ")");
	}

	private static Instant instantLiteral(String property, Token literal) {
		if (literal.kind() == Kind.WORD || literal.kind() == Kind.STRING) {
			try {
				Instant instant = ApiValues.instant(TARGET, literal.text());
				if (instant != null) {
					return instant;
				}
			}
			catch (DomainException ex) {
				// reported below with the position
			}
		}
		throw invalid("'" + property + "' compares with a date-time between the years 1 and 9999 such as "
				+ "2026-01-31T00:00:00Z; got '" + ApiValues.abbreviate(literal.text()) + "' (position "
				+ literal.start() + ")");
	}

	private static String countryLiteral(String property, Token literal) {
		if (literal.kind() != Kind.STRING || !literal.text().matches("[A-Za-z]{2}")) {
			throw invalid("'" + property + "' compares with a quoted two-letter country code such as 'HU' (position "
					+ literal.start() + ")");
		}
		return literal.text().toUpperCase(Locale.ROOT);
	}

	/**
	 * A number the deal value column can hold ({@code numeric(19, 2)}): compared in SQL,
	 * anything beyond it would fail there or, rounded, match what it should not.
	 */
	private static BigDecimal numberLiteral(String property, Token literal) {
		BigDecimal number = null;
		if (literal.kind() == Kind.WORD) {
			try {
				number = new BigDecimal(literal.text());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		if (number == null) {
			throw invalid("'" + property + "' compares with a number (position " + literal.start() + ")");
		}
		if (number.abs().compareTo(MAX_NUMBER) >= 0 || number.stripTrailingZeros().scale() > 2) {
			throw invalid("'" + ApiValues.abbreviate(literal.text()) + "' is out of range for '" + property
					+ "' (position " + literal.start() + "); use a number below " + MAX_NUMBER.toPlainString()
					+ " with at most two decimals");
		}
		return number;
	}

	private boolean acceptKeyword(String keyword) {
		if (this.position < this.tokens.size()) {
			Token token = this.tokens.get(this.position);
			if (token.kind() == Kind.WORD && token.text().equalsIgnoreCase(keyword)) {
				this.position++;
				return true;
			}
		}
		return false;
	}

	private Token next(String expected) {
		if (this.position >= this.tokens.size()) {
			throw invalid("$filter ends where " + expected + " was expected");
		}
		return this.tokens.get(this.position++);
	}

	private static DomainException invalid(String message) {
		return DomainException.invalid(TARGET, "Unsupported $filter: " + message);
	}

	private enum Kind {

		WORD, STRING, OPEN, CLOSE

	}

	private record Token(Kind kind, String text, int start) {
	}

	/** Splits filter text into words, quoted strings and parentheses. */
	private static final class Tokenizer {

		private final String text;

		private int index;

		Tokenizer(String text) {
			this.text = text;
		}

		List<Token> tokenize() {
			List<Token> tokens = new ArrayList<>();
			while (this.index < this.text.length()) {
				char c = this.text.charAt(this.index);
				if (Character.isWhitespace(c)) {
					this.index++;
				}
				else if (c == '(') {
					tokens.add(new Token(Kind.OPEN, "(", this.index++));
				}
				else if (c == ')') {
					tokens.add(new Token(Kind.CLOSE, ")", this.index++));
				}
				else if (c == '\'') {
					tokens.add(string());
				}
				else if (isWordChar(c)) {
					int start = this.index;
					while (this.index < this.text.length() && isWordChar(this.text.charAt(this.index))) {
						this.index++;
					}
					tokens.add(new Token(Kind.WORD, this.text.substring(start, this.index), start));
				}
				else {
					throw invalid("unexpected character '" + c + "' at position " + this.index);
				}
			}
			return tokens;
		}

		/** A quoted string; a doubled quote stands for one quote, as in OData. */
		private Token string() {
			int start = this.index++;
			StringBuilder value = new StringBuilder();
			while (this.index < this.text.length()) {
				char c = this.text.charAt(this.index++);
				if (c == '\'') {
					if (this.index < this.text.length() && this.text.charAt(this.index) == '\'') {
						value.append('\'');
						this.index++;
					}
					else {
						return new Token(Kind.STRING, value.toString(), start);
					}
				}
				else {
					value.append(c);
				}
			}
			throw invalid("the string starting at position " + start + " is not closed with a quote");
		}

		private static boolean isWordChar(char c) {
			return Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == '-' || c == ':' || c == '.' || c == '+';
		}

	}

}
